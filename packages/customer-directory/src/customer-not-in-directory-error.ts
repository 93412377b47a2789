import type { CustomerRef } from './customer-directory.js';

// The event that writes a customer into the directory, per source, for the operator to look for.
const CUSTOMER_EVENT: Record<CustomerRef['source'], string> = {
  fakturia: 'Fakturia CUSTOMER_CREATED event',
  plenigo: 'plenigo CUSTOMER/CREATION callback',
  campus: 'website form',
};

function describeCustomer(ref: CustomerRef): string {
  // A website customer's id is their e-mail address: it stays out of messages.
  if (ref.source === 'campus') return 'The website customer';
  // Fakturia is the usual case and the one operators search for by its number.
  return ref.source === 'fakturia' ? `Customer ${ref.id}` : `${ref.source} customer ${ref.id}`;
}

/**
 * The customer's directory record is not written yet: order-to-customer writes
 * it from the customer's events, which arrive through another queue and in any
 * order. Retried with backoff until the record is there.
 */
export class CustomerNotInDirectoryError extends Error {
  override name = 'CustomerNotInDirectoryError';
  constructor(
    readonly customer: CustomerRef,
    /** What the record is needed for, e.g. `the recipient name of invoice RE-1`. */
    neededFor?: string,
  ) {
    super(
      `${describeCustomer(customer)} is not in the customer directory yet` +
        (neededFor === undefined ? '' : ` (needed for ${neededFor})`) +
        `; retrying until order-to-customer has processed its ${CUSTOMER_EVENT[customer.source]}. ` +
        'If that never arrives, look for it in the quarantine or ask the sender to deliver it again',
    );
  }
}
