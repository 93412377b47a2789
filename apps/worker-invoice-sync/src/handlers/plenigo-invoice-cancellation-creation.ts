import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { plenigoVoucher } from '../plenigo-vouchers.js';
import { syncVoucher } from '../sync-voucher.js';

/** plenigo INVOICE_CANCELLATION/CREATION → a credit note (Stornorechnung) at Lexoffice. */
export function handlePlenigoInvoiceCancellationCreation(
  deps: InvoiceSyncDeps,
): EventHandler<'plenigo.INVOICE_CANCELLATION/CREATION'> {
  return async (event, ctx) => syncVoucher(plenigoVoucher(event, 'cancellation'), deps, ctx);
}
