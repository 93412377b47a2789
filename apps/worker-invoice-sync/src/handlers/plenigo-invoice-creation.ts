import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { plenigoVoucher } from '../plenigo-vouchers.js';
import { syncVoucher } from '../sync-voucher.js';

/** plenigo INVOICE/CREATION → an invoice at Lexoffice. */
export function handlePlenigoInvoiceCreation(
  deps: InvoiceSyncDeps,
): EventHandler<'plenigo.INVOICE/CREATION'> {
  return async (event, ctx) => syncVoucher(plenigoVoucher(event, 'invoice'), deps, ctx);
}
