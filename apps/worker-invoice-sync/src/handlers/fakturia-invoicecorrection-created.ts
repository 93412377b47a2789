import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { fakturiaCorrectionVoucher } from '../fakturia-vouchers.js';
import { syncVoucher } from '../sync-voucher.js';

/** Fakturia INVOICECORRECTION_CREATED → a Lexoffice credit note. */
export function handleFakturiaInvoicecorrectionCreated(
  deps: InvoiceSyncDeps,
): EventHandler<'fakturia.INVOICECORRECTION_CREATED'> {
  return async (event, ctx) =>
    syncVoucher(
      await fakturiaCorrectionVoucher(event.payload.invoicecorrection, deps.directory),
      deps,
      ctx,
    );
}
