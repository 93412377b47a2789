import { CustomerNotInDirectoryError, type CustomerDirectory } from '@campus/customer-directory';
import type {
  FakturiaAddress,
  FakturiaInvoice,
  FakturiaInvoiceCorrection,
  FakturiaLineItem,
} from '@campus/events';
import { InvoiceDataError } from './errors.js';
import {
  compactAddress,
  draftVoucher,
  personName,
  requireEuro,
  voucherDateOf,
  type MappedVoucher,
  type SourceItem,
} from './voucher-draft.js';

// Fakturia's field names inside invoice and invoicecorrection are assumed
// (its schema pages were not available): every one is read tolerantly.

function itemsOf(items: FakturiaLineItem[] | undefined): SourceItem[] {
  return (items ?? []).map((item) => {
    const quantity = item.quantity ?? 1;
    const unitAmount =
      item.unitPrice ??
      (typeof item.amountNet === 'number' && quantity !== 0
        ? item.amountNet / quantity
        : undefined);
    return {
      name: item.description ?? item.itemNumber,
      quantity,
      unitAmount,
      taxRate: item.taxRate,
    };
  });
}

/**
 * Fakturia's invoice carries an address but no name: the recipient's name
 * comes from the customer directory (filled from CUSTOMER_CREATED/CHANGED).
 */
async function recipient(
  directory: CustomerDirectory,
  what: string,
  customerNumber: string | undefined,
  billingAddress: FakturiaAddress | null | undefined,
) {
  if (!customerNumber) throw new InvoiceDataError(what, 'no customerNumber');
  const customer = await directory.get({ source: 'fakturia', id: customerNumber });
  if (!customer) {
    throw new CustomerNotInDirectoryError(
      { source: 'fakturia', id: customerNumber },
      `the recipient name of ${what}`,
    );
  }
  const name = customer.companyName || personName(customer.firstName, customer.lastName);
  if (billingAddress) {
    return compactAddress({
      name,
      supplement: personName(billingAddress.addressLine2, billingAddress.addressLine3),
      street: billingAddress.addressLine1,
      zip: billingAddress.zipCode,
      city: billingAddress.cityName,
      countryCode: billingAddress.country ?? 'DE',
    });
  }
  // No billing address on the document: the customer's own address is the best there is.
  return compactAddress({
    name,
    supplement: undefined,
    street: customer.address?.street,
    zip: customer.address?.zip,
    city: customer.address?.city,
    countryCode: customer.address?.country ?? 'DE',
  });
}

/** INVOICE_CREATED → a Lexoffice invoice, net amounts as Fakturia states them. */
export async function fakturiaInvoiceVoucher(
  invoice: FakturiaInvoice,
  directory: CustomerDirectory,
): Promise<MappedVoucher> {
  const number = invoice.invoiceNumber;
  if (!number) throw new InvoiceDataError('Fakturia INVOICE_CREATED', 'no invoiceNumber');
  const reference = `Fakturia-Rechnung ${number}`;
  requireEuro(reference, invoice.currency);
  return draftVoucher({
    voucherType: 'invoice',
    reference,
    voucherDate: voucherDateOf(invoice.invoiceDate),
    address: await recipient(directory, reference, invoice.customerNumber, invoice.billingAddress),
    items: itemsOf(invoice.items),
    taxType: 'net',
    title: 'Rechnung',
    introduction: `Rechnung ${number}`,
  });
}

/** INVOICECORRECTION_CREATED → a Lexoffice credit note (Fakturia's negative amounts, booked positive). */
export async function fakturiaCorrectionVoucher(
  correction: FakturiaInvoiceCorrection,
  directory: CustomerDirectory,
): Promise<MappedVoucher> {
  const number = correction.invoiceCorrectionNumber;
  if (!number) {
    throw new InvoiceDataError('Fakturia INVOICECORRECTION_CREATED', 'no invoiceCorrectionNumber');
  }
  const reference = `Fakturia-Rechnungskorrektur ${number}`;
  requireEuro(reference, correction.currency);
  return draftVoucher({
    voucherType: 'creditnote',
    reference,
    voucherDate: voucherDateOf(correction.invoiceCorrectionDate),
    address: await recipient(
      directory,
      reference,
      correction.customerNumber,
      correction.billingAddress,
    ),
    items: itemsOf(correction.items),
    taxType: 'net',
    title: 'Rechnungskorrektur',
    introduction: correction.invoiceNumber
      ? `Rechnungskorrektur ${number} zur Rechnung ${correction.invoiceNumber}`
      : `Rechnungskorrektur ${number}`,
  });
}
