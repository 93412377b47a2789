import { NonRetriableError } from '@campus/errors';

/** An invoice's PDF as Fakturia serves it. */
export interface FakturiaDocument {
  fileName: string;
  pdf: Buffer;
}

/**
 * Fakturia answered in a form we cannot read (a document that is no PDF, a
 * customer list that is no list): a retry gets the same answer.
 */
export class FakturiaAnswerFormatError extends NonRetriableError {
  override name = 'FakturiaAnswerFormatError';
}

const PDF_MAGIC = Buffer.from('%PDF-');
const isPdf = (bytes: Buffer) => bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
const BASE64 = /^[A-Za-z0-9+/=\s_-]+$/;

function fromBase64(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (trimmed.length < 8 || !BASE64.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed, 'base64');
  return isPdf(bytes) ? bytes : undefined;
}

/** `attachment; filename="RE-1.pdf"` → `RE-1.pdf`. */
function fileNameFrom(contentDisposition: string | null): string | undefined {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition ?? '');
  return match?.[1] ? decodeURIComponent(match[1]).replace(/[/\\]/g, '_') : undefined;
}

/**
 * Reads the answer of `GET /api/v1/Invoices/{invoiceNumber}/Document`.
 * Fakturia's wiki says the document comes "Base 64" but not in which wrapper
 * (docs/upstreams/fakturia.md), so each plausible form is read: the PDF
 * itself, a Base64 text, a JSON string, or a JSON object with the Base64 in
 * one of its string fields (and perhaps a file name). Whatever it was, the
 * bytes must be a PDF.
 */
export function readInvoiceDocument(
  invoiceNumber: string,
  answer: { body: Buffer; contentType: string | null; contentDisposition: string | null },
): FakturiaDocument {
  const fallbackName = fileNameFrom(answer.contentDisposition) ?? `${invoiceNumber}.pdf`;
  if (isPdf(answer.body)) return { fileName: fallbackName, pdf: answer.body };
  const text = answer.body.toString('utf8');
  const direct = fromBase64(text);
  if (direct) return { fileName: fallbackName, pdf: direct };

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'string') {
    const pdf = fromBase64(parsed);
    if (pdf) return { fileName: fallbackName, pdf };
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const fields = Object.entries(parsed as Record<string, unknown>);
    for (const [, value] of fields) {
      const pdf = typeof value === 'string' ? fromBase64(value) : undefined;
      if (!pdf) continue;
      const named = fields.find(
        ([key, v]) => /^(file)?name$/i.test(key) && typeof v === 'string' && v.trim() !== '',
      );
      return { fileName: named ? String(named[1]).trim() : fallbackName, pdf };
    }
  }
  throw new FakturiaAnswerFormatError(
    `Fakturia answered the document of invoice ${invoiceNumber} (${answer.contentType ?? 'no content type'}, ` +
      `${answer.body.length} bytes) with nothing that reads as a PDF, plain or Base64. ` +
      'Compare the answer with docs/upstreams/fakturia.md and adapt readInvoiceDocument; a retry will not help',
  );
}
