import { fakturiaCustomerRecord } from '@campus/customer-directory';
import type { FakturiaCustomer, FakturiaOrderCustomer } from '@campus/events';
import { text, type CustomerUpdate } from './customer-update.js';
import { UnusableEventError } from './unusable-event-error.js';

/**
 * A Fakturia customer (CUSTOMER_CREATED/CHANGED, and the `customer` of
 * ORDER_PROCESSED), read with the one Fakturia → directory mapping the other
 * workers use when they fetch a customer (`fakturiaCustomerRecord`: the
 * billing address wins over the postal one, the payment method is kept). For
 * an order, what the customer record lacks is taken from the order's
 * customer data, read the same way.
 */
export function fromFakturiaCustomer(
  eventType: string,
  customer: FakturiaCustomer,
  order?: FakturiaOrderCustomer,
): CustomerUpdate {
  const customerNumber = text(customer.customerNumber);
  if (!customerNumber) {
    throw new UnusableEventError(
      `Fakturia ${eventType} carries no customer.customerNumber, so its ProSonata address cannot be filed; fix the event in Fakturia and send it again`,
    );
  }
  const ordered = order === undefined ? {} : fakturiaCustomerRecord(order);
  const record = { ...ordered, ...fakturiaCustomerRecord(customer) };
  return {
    ref: { source: 'fakturia', id: customerNumber },
    role: 'customer',
    email: record.email,
    salutation: record.salutation,
    firstName: record.firstName,
    lastName: record.lastName,
    companyName: record.companyName,
    address: record.address,
    paymentMethod: record.paymentMethod,
    taxId: text(customer.euTaxId),
    invoiceEmail: text(customer.emailInvoice),
  };
}

/** Fakturia's CUSTOMER_DELETED: who is gone. */
export function fakturiaCustomerRef(customer: FakturiaCustomer) {
  const customerNumber = text(customer.customerNumber);
  if (!customerNumber) {
    throw new UnusableEventError(
      'Fakturia CUSTOMER_DELETED carries no customer.customerNumber: it cannot say whose address to deactivate',
    );
  }
  return { source: 'fakturia' as const, id: customerNumber };
}
