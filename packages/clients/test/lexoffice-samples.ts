import type { LexofficeLineItem, LexofficeVoucher } from '../src/lexoffice/lexoffice-contract.js';

/** "Einnahmen", Lexoffice's revenue category (LEXOFFICE_REVENUE_CATEGORY_ID's default). */
export const EINNAHMEN = '8f8664a1-fd86-11e1-a21f-0800200c9a66';

/** One position of one piece at a net (or, for plenigo, gross) price. */
export const lineItem = (
  name: string,
  price: number,
  taxRatePercentage: 0 | 7 | 19,
  priced: 'netAmount' | 'grossAmount' = 'netAmount',
): LexofficeLineItem => ({
  type: 'custom',
  name,
  quantity: 1,
  unitName: 'Stück',
  unitPrice: { currency: 'EUR', [priced]: price, taxRatePercentage },
});

/** Our contract as invoice-sync builds it for Fakturia's INVOICE_CREATED fixture. */
export const fakturiaInvoice = (): LexofficeVoucher => ({
  voucherType: 'invoice',
  voucherDate: '2024-05-01',
  address: {
    name: 'Holger Tester',
    street: 'Teststraße 1',
    zip: '12345',
    city: 'Testhausen',
    countryCode: 'DE',
  },
  lineItems: [lineItem('Online-Kurs Projektmanagement, Mai 2024', 84.03, 19)],
  totalPrice: { currency: 'EUR', totalNetAmount: 84.03 },
  taxConditions: { taxType: 'net' },
  shippingConditions: { shippingType: 'service', shippingDate: '2024-05-01' },
  title: 'Rechnung',
  introduction: 'Rechnung RE-2024-000042',
  remark: 'Referenz: Fakturia-Rechnung RE-2024-000042',
});

/** Our contract for Fakturia's INVOICECORRECTION_CREATED fixture (booked positive). */
export const fakturiaCorrection = (): LexofficeVoucher => {
  const { shippingConditions: _none, ...invoice } = fakturiaInvoice();
  return {
    ...invoice,
    voucherType: 'creditnote',
    voucherDate: '2024-05-20',
    remark: 'Referenz: Fakturia-Rechnungskorrektur GS-2024-000007',
  };
};

/** Our contract for plenigo's INVOICE fixture (gross prices, 7 %). */
export const plenigoInvoice = (): LexofficeVoucher => ({
  ...fakturiaInvoice(),
  voucherDate: '2024-08-28',
  address: {
    name: 'Test User',
    street: 'Postfach 48576525',
    zip: '87435',
    city: 'Kempten',
    countryCode: 'DE',
  },
  lineItems: [lineItem('Angebot A kurzes Abo-Intervall', 0.5, 7, 'grossAmount')],
  totalPrice: { currency: 'EUR', totalNetAmount: 0.47 },
  taxConditions: { taxType: 'gross' },
  shippingConditions: { shippingType: 'service', shippingDate: '2024-08-28' },
  remark: 'Referenz: plenigo-Rechnung 223',
});

/** Our contract for an e-book sale on the day summer time ends. */
export const ebookSale = (): LexofficeVoucher => ({
  ...fakturiaInvoice(),
  voucherDate: '2024-10-27',
  address: {
    name: 'Erika Mustermann',
    street: 'Heidestraße 17',
    zip: '51147',
    city: 'Köln',
    countryCode: 'DE',
  },
  lineItems: [lineItem('E-Book Agiles Arbeiten', 18.69, 7)],
  totalPrice: { currency: 'EUR', totalNetAmount: 18.69 },
  shippingConditions: { shippingType: 'service', shippingDate: '2024-10-27' },
  introduction: 'Ihre Bestellung: E-Book Agiles Arbeiten',
  remark: 'Referenz: Website-Bestellung campus.msg_2Lo4cZ4y',
});
