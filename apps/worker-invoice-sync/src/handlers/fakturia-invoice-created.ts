import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { fakturiaInvoiceVoucher } from '../fakturia-vouchers.js';
import { syncVoucher } from '../sync-voucher.js';

/** Fakturia INVOICE_CREATED → a Lexoffice invoice voucher; the name from the customer directory. */
export function handleFakturiaInvoiceCreated(
  deps: InvoiceSyncDeps,
): EventHandler<'fakturia.INVOICE_CREATED'> {
  return async (event, ctx) =>
    syncVoucher(await fakturiaInvoiceVoucher(event.payload.invoice, deps.directory), deps, ctx);
}
