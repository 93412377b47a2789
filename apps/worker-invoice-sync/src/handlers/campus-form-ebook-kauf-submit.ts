import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { ebookVoucher } from '../ebook-voucher.js';
import { syncVoucher } from '../sync-voucher.js';

/** A website e-book purchase → a Lexoffice invoice for the catalog product. */
export function handleCampusFormEbookKaufSubmit(
  deps: InvoiceSyncDeps,
): EventHandler<'campus.form.ebook.kauf.submit'> {
  return async (event, ctx) => syncVoucher(ebookVoucher(event.data, deps.products, ctx), deps, ctx);
}
