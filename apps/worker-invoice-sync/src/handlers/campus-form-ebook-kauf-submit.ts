import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { ebookSale } from '../ebook-sale.js';
import { personName } from '../voucher-draft.js';
import { sellEbook } from '../sell-ebook.js';

/**
 * A website e-book purchase → a finalized Lexoffice invoice for the catalog
 * product, then one mail to the buyer with the invoice PDF and the signed
 * download link.
 */
export function handleCampusFormEbookKaufSubmit(
  deps: InvoiceSyncDeps,
): EventHandler<'campus.form.ebook.kauf.submit'> {
  return async (event, ctx) => {
    const { kaeufer } = event.data;
    const buyer = { email: kaeufer.email, name: personName(kaeufer.vorname, kaeufer.nachname) };
    return sellEbook(ebookSale(event.data, deps.products, ctx), buyer, deps, ctx);
  };
}
