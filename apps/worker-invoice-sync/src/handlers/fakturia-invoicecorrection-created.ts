import type { EventHandler } from '@campus/queues';
import { bookVoucher } from '../book-voucher.js';
import type { InvoiceSyncDeps } from '../deps.js';
import { fakturiaCorrectionVoucher } from '../fakturia-vouchers.js';

/**
 * Fakturia INVOICECORRECTION_CREATED → a `salescreditnote` under the
 * correction's number. No document: Fakturia documents a PDF for invoices only.
 */
export function handleFakturiaInvoicecorrectionCreated(
  deps: InvoiceSyncDeps,
): EventHandler<'fakturia.INVOICECORRECTION_CREATED'> {
  return async (event, ctx) =>
    bookVoucher(
      await fakturiaCorrectionVoucher(event.payload.invoicecorrection, deps.customers, ctx),
      deps,
      ctx,
    );
}
