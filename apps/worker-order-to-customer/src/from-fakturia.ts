import type { FakturiaAddress, FakturiaCustomer, FakturiaOrderCustomer } from '@campus/events';
import { postalAddress, text, type CustomerUpdate, type PostalAddress } from './customer-update.js';
import { UnusableEventError } from './unusable-event-error.js';

function addressOf(address: FakturiaAddress | null | undefined): PostalAddress | undefined {
  if (!address) return undefined;
  return postalAddress({
    street: text(address.addressLine1),
    zip: text(address.zipCode),
    city: text(address.cityName),
    country: text(address.country),
  });
}

/**
 * A Fakturia customer (CUSTOMER_CREATED/CHANGED, and the `customer` of
 * ORDER_PROCESSED). The billing address wins over the postal one; for an order,
 * what the customer record lacks is taken from the order's customer data.
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
  return {
    ref: { source: 'fakturia', id: customerNumber },
    role: 'customer',
    email: text(customer.email) ?? text(order?.email),
    salutation: text(customer.salutation),
    firstName: text(customer.firstName) ?? text(order?.firstName),
    lastName: text(customer.lastName) ?? text(order?.lastName),
    companyName: text(customer.companyName) ?? text(order?.companyName),
    address:
      addressOf(customer.billingAddress) ??
      addressOf(customer.postalAddress) ??
      addressOf(order?.billingAddress),
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
