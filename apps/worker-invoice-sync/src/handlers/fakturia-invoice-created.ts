import type { EventHandler } from '@campus/queues';
import { bookVoucher } from '../book-voucher.js';
import type { InvoiceSyncDeps } from '../deps.js';
import { fakturiaInvoiceVoucher } from '../fakturia-vouchers.js';
import { attachDocumentOnce, fakturiaDocument } from '../invoice-document.js';

/**
 * Fakturia INVOICE_CREATED → a `salesinvoice` under Fakturia's invoice number
 * with Fakturia's PDF attached; the customer's name from the directory, or
 * from Fakturia when no webhook announced the customer.
 */
export function handleFakturiaInvoiceCreated(
  deps: InvoiceSyncDeps,
): EventHandler<'fakturia.INVOICE_CREATED'> {
  return async (event, ctx) => {
    const mapped = await fakturiaInvoiceVoucher(event.payload.invoice, deps.customers, ctx);
    const document = await fakturiaDocument(deps, mapped.voucherNumber, ctx);
    const booked = await bookVoucher(mapped, deps, ctx);
    const file = await attachDocumentOnce(booked.voucherId, document, deps, ctx);
    return { ...booked, fileId: file.fileId };
  };
}
