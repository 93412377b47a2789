import { describe, expect, it } from 'vitest';
import { NEVER_RETRY, retryAdviceOf } from '@campus/errors';
import { FakturiaAnswerFormatError, readInvoiceDocument } from './fakturia-document.js';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const base64 = pdf.toString('base64');
const read = (
  body: string | Buffer,
  contentType = 'application/json',
  contentDisposition?: string,
) =>
  readInvoiceDocument('RE-1', {
    body: typeof body === 'string' ? Buffer.from(body) : body,
    contentType,
    contentDisposition: contentDisposition ?? null,
  });

// Fakturia documents the document as "Base 64" without its wrapper: each plausible form reads.
describe("reading Fakturia's invoice document", () => {
  it('takes the PDF itself, with the name Content-Disposition gives', () => {
    expect(read(pdf, 'application/pdf', 'attachment; filename="Rechnung RE-1.pdf"')).toEqual({
      fileName: 'Rechnung RE-1.pdf',
      pdf,
    });
  });

  it('takes Base64 text and a JSON string of Base64, named after the invoice', () => {
    expect(read(base64, 'text/plain')).toEqual({ fileName: 'RE-1.pdf', pdf });
    expect(read(JSON.stringify(base64))).toEqual({ fileName: 'RE-1.pdf', pdf });
  });

  it('takes a JSON object with the Base64 in one of its fields and a file name beside it', () => {
    expect(read(JSON.stringify({ fileName: 'RE-1_2024.pdf', document: base64 }))).toEqual({
      fileName: 'RE-1_2024.pdf',
      pdf,
    });
    expect(read(JSON.stringify({ invoiceNumber: 'RE-1', content: base64 }))).toEqual({
      fileName: 'RE-1.pdf',
      pdf,
    });
  });

  it('fails for good, saying what came, when nothing in the answer is a PDF', () => {
    const attempt = () =>
      read(JSON.stringify({ content: Buffer.from('<html>').toString('base64') }));
    expect(attempt).toThrow(FakturiaAnswerFormatError);
    try {
      attempt();
    } catch (error) {
      expect(retryAdviceOf(error)).toBe(NEVER_RETRY);
      expect((error as Error).message).toMatch(
        /^Fakturia answered the document of invoice RE-1 \(application\/json, \d+ bytes\) with nothing that reads as a PDF/,
      );
    }
  });
});
