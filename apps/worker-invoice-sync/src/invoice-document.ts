import type { LexofficeClient } from '@campus/clients';
import type { JobContext } from '@campus/queues';
import { FakturiaDocumentMissingError } from './errors.js';

/** Where invoice PDFs come from: Fakturia's API (`getInvoiceDocument` of the Fakturia client). */
export interface InvoiceDocuments {
  /** The invoice's PDF; undefined when there is none (404). */
  fetch(
    invoiceNumber: string,
    opts: { signal?: AbortSignal },
  ): Promise<{ fileName: string; pdf: Buffer } | undefined>;
}

export interface AttachDeps {
  lexoffice: LexofficeClient;
  invoiceDocuments: InvoiceDocuments;
}

/** The step's outcome: the file's id at Lexoffice; `found` when an earlier attempt had attached it. */
export interface AttachedFile {
  fileId: string;
  found?: true;
}

/**
 * Fakturia's PDF of an invoice, or FakturiaDocumentMissingError (retried).
 * Fetched on every attempt until it is attached (a GET, and the bytes are
 * not worth keeping in Redis); an invoice Fakturia has no document for is
 * not booked, so a made-up invoice number never reaches the books.
 */
export async function fakturiaDocument(
  deps: AttachDeps,
  invoiceNumber: string,
  ctx: Pick<JobContext, 'signal'>,
) {
  const document = await deps.invoiceDocuments.fetch(invoiceNumber, { signal: ctx.signal });
  if (!document) throw new FakturiaDocumentMissingError(invoiceNumber);
  return document;
}

/**
 * Attaches the PDF to the voucher (`POST /v1/vouchers/{id}/files`) once per
 * event. A retry first reads the voucher's files: an earlier attempt may have
 * attached it and lost the answer, and we attach nothing else to our vouchers.
 */
export function attachDocumentOnce(
  voucherId: string,
  document: { fileName: string; pdf: Buffer },
  deps: AttachDeps,
  ctx: JobContext,
): Promise<AttachedFile> {
  return ctx.once('lexoffice-voucher-file', async (): Promise<AttachedFile> => {
    if (ctx.retryCount > 0) {
      const { files } = await deps.lexoffice.getBookkeepingVoucher(voucherId, {
        signal: ctx.signal,
      });
      if (files[0] !== undefined) return { fileId: files[0], found: true };
    }
    const file = await deps.lexoffice.attachVoucherFile(
      voucherId,
      { fileName: document.fileName, data: document.pdf },
      { signal: ctx.signal },
    );
    ctx.log.info({ voucherId, fileId: file.id }, 'invoice PDF attached to the voucher');
    return { fileId: file.id };
  });
}
