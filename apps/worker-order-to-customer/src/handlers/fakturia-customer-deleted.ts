import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fakturiaCustomerRef } from '../from-fakturia.js';

/** Fakturia CUSTOMER_DELETED → the address deactivated, the directory record erased. */
export function handleFakturiaCustomerDeleted(
  deps: OrderToCustomerDeps,
): EventHandler<'fakturia.CUSTOMER_DELETED'> {
  return (event, ctx) =>
    deps.addresses.deactivate(fakturiaCustomerRef(event.payload.customer), ctx.log);
}
