import type { Product } from '@campus/config';
import type { EbookKaufForm } from '@campus/events';
import { UnknownProductError } from './errors.js';
import {
  compactAddress,
  draftVoucher,
  personName,
  voucherDateOf,
  type MappedVoucher,
} from './voucher-draft.js';

/**
 * A website e-book purchase → a Lexoffice invoice for one copy of the catalog
 * product, dated the day the purchase arrived. The form has no order number:
 * the event key is the reference.
 */
export function ebookVoucher(
  form: EbookKaufForm,
  products: Readonly<Record<string, Product>>,
  event: { eventKey: string; receivedAt: string },
): MappedVoucher {
  const product = Object.hasOwn(products, form.produkt_slug)
    ? products[form.produkt_slug]
    : undefined;
  if (!product) throw new UnknownProductError(form.produkt_slug);
  const buyer = form.kaeufer;
  return draftVoucher({
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
}
