import type { EventHandler } from '@campus/queues';
import { bookVoucher } from '../book-voucher.js';
import type { InvoiceSyncDeps } from '../deps.js';
import { plenigoVoucher } from '../plenigo-vouchers.js';

/** plenigo INVOICE/CREATION → a `salesinvoice` under plenigo's invoice id, without a PDF (we have no plenigo API client). */
export function handlePlenigoInvoiceCreation(
  deps: InvoiceSyncDeps,
): EventHandler<'plenigo.INVOICE/CREATION'> {
  return async (event, ctx) => bookVoucher(plenigoVoucher(event, 'invoice'), deps, ctx);
}
