import type { FakturiaAddress, FakturiaCustomer } from '@campus/events';
import type { CustomerRecord } from './customer-directory.js';

/** Trims a value a sender may give as null, a number or an empty string. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function addressOf(address: FakturiaAddress | null | undefined): CustomerRecord['address'] {
  if (!address) return undefined;
  const parts = {
    street: text(address.addressLine1),
    zip: text(address.zipCode),
    city: text(address.cityName),
    country: text(address.country),
  };
  const defined = Object.entries(parts).filter(([, v]) => v !== undefined);
  return defined.length > 0 ? Object.fromEntries(defined) : undefined;
}

/** A Fakturia customer's number, trimmed; undefined when it has none. */
export function fakturiaCustomerNumber(customer: FakturiaCustomer): string | undefined {
  return text(customer.customerNumber);
}

/**
 * What the directory keeps of a Fakturia `Customer` (the webhook's and the
 * REST API's schema alike): e-mail, name, the billing address (else the
 * postal one) and how the customer pays. Empty fields are left out, so an
 * upsert keeps what the record already has.
 */
export function fakturiaCustomerRecord(
  customer: FakturiaCustomer,
): Omit<CustomerRecord, 'updatedAt'> {
  const record: Omit<CustomerRecord, 'updatedAt'> = {
    email: text(customer.email),
    salutation: text(customer.salutation),
    firstName: text(customer.firstName),
    lastName: text(customer.lastName),
    companyName: text(customer.companyName),
    address: addressOf(customer.billingAddress) ?? addressOf(customer.postalAddress),
    paymentMethod: text(customer.paymentMethod),
  };
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
