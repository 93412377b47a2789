import type { EventHandler } from '@campus/queues';
import { bookVoucher } from '../book-voucher.js';
import type { InvoiceSyncDeps } from '../deps.js';
import { plenigoVoucher } from '../plenigo-vouchers.js';

/** plenigo INVOICE_CORRECTION/CREATION → a `salescreditnote` (Rechnungskorrektur) under plenigo's invoice id. */
export function handlePlenigoInvoiceCorrectionCreation(
  deps: InvoiceSyncDeps,
): EventHandler<'plenigo.INVOICE_CORRECTION/CREATION'> {
  return async (event, ctx) => bookVoucher(plenigoVoucher(event, 'correction'), deps, ctx);
}
