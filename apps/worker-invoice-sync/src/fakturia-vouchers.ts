import type { CustomerResolver } from '@campus/customer-directory';
import type {
  FakturiaAddress,
  FakturiaInvoice,
  FakturiaInvoiceCorrection,
  FakturiaLineItem,
} from '@campus/events';
import type { JobContext } from '@campus/queues';
import { InvoiceDataError } from './errors.js';
import {
  compactAddress,
  draftVoucher,
  personName,
  requireEuro,
  voucherDateOf,
  type BookableVoucher,
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
 * comes from the customer directory (filled from CUSTOMER_CREATED/CHANGED),
 * or, for a customer no webhook announced, from Fakturia's API, which then
 * fills the directory.
 */
async function recipient(
  customers: CustomerResolver,
  what: string,
  customerNumber: string | undefined,
  billingAddress: FakturiaAddress | null | undefined,
  ctx: Pick<JobContext, 'log' | 'signal'>,
) {
  if (!customerNumber) throw new InvoiceDataError(what, 'no customerNumber');
  const { record: customer, from } = await customers.fakturiaCustomer(customerNumber, {
    neededFor: `the recipient of ${what}`,
    signal: ctx.signal,
  });
  if (from === 'fakturia') ctx.log.info({ customerNumber }, 'customer fetched from Fakturia');
  const name = customer.companyName || personName(customer.firstName, customer.lastName);
  const address = billingAddress
    ? compactAddress({
        name,
        supplement: personName(billingAddress.addressLine2, billingAddress.addressLine3),
        street: billingAddress.addressLine1,
        zip: billingAddress.zipCode,
        city: billingAddress.cityName,
        countryCode: billingAddress.country ?? 'DE',
      })
    : // No billing address on the document: the customer's own address is the best there is.
      compactAddress({
        name,
        supplement: undefined,
        street: customer.address?.street,
        zip: customer.address?.zip,
        city: customer.address?.city,
        countryCode: customer.address?.country ?? 'DE',
      });
  return { address, customer: { number: customerNumber, name } };
}

/** INVOICE_CREATED → a sales voucher under Fakturia's invoice number, net amounts as Fakturia states them. */
export async function fakturiaInvoiceVoucher(
  invoice: FakturiaInvoice,
  customers: CustomerResolver,
  ctx: Pick<JobContext, 'log' | 'signal'>,
): Promise<BookableVoucher> {
  const number = invoice.invoiceNumber;
  if (!number) throw new InvoiceDataError('Fakturia INVOICE_CREATED', 'no invoiceNumber');
  const reference = `Fakturia-Rechnung ${number}`;
  requireEuro(reference, invoice.currency);
  const dueDate = voucherDateOf(invoice.dueDate);
  const mapped = draftVoucher({
    voucherType: 'invoice',
    reference,
    voucherDate: voucherDateOf(invoice.invoiceDate),
    ...(await recipient(customers, reference, invoice.customerNumber, invoice.billingAddress, ctx)),
    items: itemsOf(invoice.items),
    taxType: 'net',
    title: 'Rechnung',
    introduction: `Rechnung ${number}`,
  });
  return { ...mapped, voucherNumber: number, ...(dueDate === undefined ? {} : { dueDate }) };
}

/**
 * INVOICECORRECTION_CREATED → a sales credit note under Fakturia's correction
 * number (Fakturia's negative amounts, booked positive).
 */
export async function fakturiaCorrectionVoucher(
  correction: FakturiaInvoiceCorrection,
  customers: CustomerResolver,
  ctx: Pick<JobContext, 'log' | 'signal'>,
): Promise<BookableVoucher> {
  const number = correction.invoiceCorrectionNumber;
  if (!number) {
    throw new InvoiceDataError('Fakturia INVOICECORRECTION_CREATED', 'no invoiceCorrectionNumber');
  }
  const reference = `Fakturia-Rechnungskorrektur ${number}`;
  requireEuro(reference, correction.currency);
  const mapped = draftVoucher({
    voucherType: 'creditnote',
    reference,
    voucherDate: voucherDateOf(correction.invoiceCorrectionDate),
    ...(await recipient(
      customers,
      reference,
      correction.customerNumber,
      correction.billingAddress,
      ctx,
    )),
    items: itemsOf(correction.items),
    taxType: 'net',
    title: 'Rechnungskorrektur',
    introduction: correction.invoiceNumber
      ? `Rechnungskorrektur ${number} zur Rechnung ${correction.invoiceNumber}`
      : `Rechnungskorrektur ${number}`,
  });
  return { ...mapped, voucherNumber: number };
}
