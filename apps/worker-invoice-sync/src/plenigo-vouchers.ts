import type { LexofficeVoucherType } from '@campus/clients';
import type { PlenigoAddress, PlenigoCallback, PlenigoInvoice } from '@campus/events';
import {
  compactAddress,
  draftVoucher,
  personName,
  requireEuro,
  voucherDateOf,
  type BookableVoucher,
} from './voucher-draft.js';

/** Which sales voucher each plenigo invoice callback becomes at Lexoffice, and how it is called. */
export const PLENIGO_DOCUMENTS = {
  invoice: { voucherType: 'invoice', title: 'Rechnung' },
  correction: { voucherType: 'creditnote', title: 'Rechnungskorrektur' },
  cancellation: { voucherType: 'creditnote', title: 'Stornorechnung' },
} as const satisfies Record<string, { voucherType: LexofficeVoucherType; title: string }>;
export type PlenigoDocument = keyof typeof PLENIGO_DOCUMENTS;

function addressOf(address: PlenigoAddress | undefined) {
  const street =
    personName(address?.street, address?.streetNumber) ??
    (address?.postbox ? `Postfach ${address.postbox}` : undefined);
  return compactAddress({
    name: address?.companyName || personName(address?.firstName, address?.lastName),
    supplement: address?.companyName ? personName(address.firstName, address.lastName) : undefined,
    street,
    zip: address?.postcode,
    city: address?.city,
    countryCode: address?.country ?? 'DE',
  });
}

/**
 * INVOICE, INVOICE_CORRECTION and INVOICE_CANCELLATION creations → a sales
 * invoice or credit note under plenigo's invoice id. plenigo sells to consumers, whose prices are gross
 * by law (PAngV): its item prices are taken as gross with the item's tax rate,
 * and Lexoffice works out the net.
 */
export function plenigoVoucher(
  callback: PlenigoCallback<PlenigoInvoice>,
  document: PlenigoDocument,
): BookableVoucher {
  const { voucherType, title } = PLENIGO_DOCUMENTS[document];
  const invoice = callback.entity;
  const number = String(invoice.invoiceId ?? callback.entityId);
  const reference = `plenigo-${title} ${number}`;
  requireEuro(reference, invoice.currency);
  const items = [...(invoice.items ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const address = addressOf(invoice.invoiceAddress);
  const mapped = draftVoucher({
    voucherType,
    reference,
    voucherDate: voucherDateOf(invoice.invoiceDate),
    address,
    customer: { number: invoice.invoiceCustomerId, name: address.name },
    items: items.map((item) => ({
      name: item.title,
      quantity: item.quantity,
      unitAmount: item.price,
      taxRate: item.tax,
    })),
    taxType: 'gross',
    title,
    introduction: `${title} ${number}`,
  });
  return { ...mapped, voucherNumber: number };
}
