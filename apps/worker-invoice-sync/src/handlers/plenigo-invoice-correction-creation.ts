import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { plenigoVoucher } from '../plenigo-vouchers.js';
import { syncVoucher } from '../sync-voucher.js';

/** plenigo INVOICE_CORRECTION/CREATION → a credit note (Rechnungskorrektur) at Lexoffice. */
export function handlePlenigoInvoiceCorrectionCreation(
  deps: InvoiceSyncDeps,
): EventHandler<'plenigo.INVOICE_CORRECTION/CREATION'> {
  return async (event, ctx) => syncVoucher(plenigoVoucher(event, 'correction'), deps, ctx);
}
