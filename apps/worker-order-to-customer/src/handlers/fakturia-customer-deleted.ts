import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fakturiaCustomerRef } from '../from-fakturia.js';

/** Fakturia CUSTOMER_DELETED → certificates erased, the address deactivated, the directory record erased. */
export function handleFakturiaCustomerDeleted(
  deps: OrderToCustomerDeps,
): EventHandler<'fakturia.CUSTOMER_DELETED'> {
  return async (event, ctx) => {
    const customer = event.payload.customer;
    const ref = fakturiaCustomerRef(customer);
    // First, while the directory still knows the customer's address.
    await deps.certificates.eraseCustomer(ref, [customer.email, customer.emailInvoice], ctx.log);
    return deps.addresses.deactivate(ref, ctx.log);
  };
}
