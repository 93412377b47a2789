import type { EventHandler } from '@campus/queues';
import { bookVoucher } from '../book-voucher.js';
import type { InvoiceSyncDeps } from '../deps.js';
import { plenigoVoucher } from '../plenigo-vouchers.js';

/** plenigo INVOICE_CANCELLATION/CREATION → a `salescreditnote` (Stornorechnung) under plenigo's invoice id. */
export function handlePlenigoInvoiceCancellationCreation(
  deps: InvoiceSyncDeps,
): EventHandler<'plenigo.INVOICE_CANCELLATION/CREATION'> {
  return async (event, ctx) => bookVoucher(plenigoVoucher(event, 'cancellation'), deps, ctx);
}
