import type { LexofficeVoucherType } from '@campus/clients';
import type { PlenigoAddress, PlenigoCallback, PlenigoInvoice } from '@campus/events';
import {
  compactAddress,
  draftVoucher,
  personName,
  requireEuro,
  voucherDateOf,
  type MappedVoucher,
} from './voucher-draft.js';

/** What each plenigo invoice callback becomes at Lexoffice, and how it is called. */
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
 * INVOICE, INVOICE_CORRECTION and INVOICE_CANCELLATION creations → a Lexoffice
 * invoice or credit note. plenigo sells to consumers, whose prices are gross
 * by law (PAngV): its item prices are taken as gross with the item's tax rate,
 * and Lexoffice works out the net.
 */
export function plenigoVoucher(
  callback: PlenigoCallback<PlenigoInvoice>,
  document: PlenigoDocument,
): MappedVoucher {
  const { voucherType, title } = PLENIGO_DOCUMENTS[document];
  const invoice = callback.entity;
  const number = String(invoice.invoiceId ?? callback.entityId);
  const reference = `plenigo-${title} ${number}`;
  requireEuro(reference, invoice.currency);
  const items = [...(invoice.items ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return draftVoucher({
    voucherType,
    reference,
    voucherDate: voucherDateOf(invoice.invoiceDate),
    address: addressOf(invoice.invoiceAddress),
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
}
