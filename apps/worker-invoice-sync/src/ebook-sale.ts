import type { Product } from '@campus/config';
import type { EbookKaufForm } from '@campus/events';
import { ProductWithoutDownloadError, UnknownProductError } from './errors.js';
import {
  compactAddress,
  draftVoucher,
  personName,
  voucherDateOf,
  type MappedVoucher,
} from './voucher-draft.js';

/** The invoice of an e-book sale and the e-book it is for. */
export interface EbookSale extends MappedVoucher {
  product: { slug: string; name: string; downloadUrl: string };
}

/**
 * A website e-book purchase → a Lexoffice invoice for one copy of the catalog
 * product, dated the day the purchase arrived. The form has no order number:
 * the event key is the reference. A product the catalog does not know, or
 * knows without a file to download, fails here, before anything is invoiced.
 */
export function ebookSale(
  form: EbookKaufForm,
  products: Readonly<Record<string, Product>>,
  event: { eventKey: string; receivedAt: string },
): EbookSale {
  const slug = form.produkt_slug;
  const product = Object.hasOwn(products, slug) ? products[slug] : undefined;
  if (!product) throw new UnknownProductError(slug);
  if (!product.downloadUrl) throw new ProductWithoutDownloadError(slug);
  const buyer = form.kaeufer;
  const mapped = draftVoucher({
    voucherType: 'invoice',
    reference: `Website-Bestellung ${event.eventKey}`,
    voucherDate: voucherDateOf(event.receivedAt),
    address: compactAddress({
      name: personName(buyer.vorname, buyer.nachname),
      supplement: undefined,
      street: buyer.rechnungsadresse.strasse,
      zip: buyer.rechnungsadresse.plz,
      city: buyer.rechnungsadresse.ort,
      countryCode: buyer.rechnungsadresse.land ?? 'DE',
    }),
    items: [
      { name: product.name, quantity: 1, unitAmount: product.netPrice, taxRate: product.taxRate },
    ],
    taxType: 'net',
    title: 'Rechnung',
    introduction: `Ihre Bestellung: ${product.name}`,
  });
  return { ...mapped, product: { slug, name: product.name, downloadUrl: product.downloadUrl } };
}
