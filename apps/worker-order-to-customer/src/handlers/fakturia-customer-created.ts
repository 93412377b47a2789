import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fromFakturiaCustomer } from '../from-fakturia.js';

/** Fakturia CUSTOMER_CREATED → the customer's ProSonata address and directory record. */
export function handleFakturiaCustomerCreated(
  deps: OrderToCustomerDeps,
): EventHandler<'fakturia.CUSTOMER_CREATED'> {
  return (event, ctx) =>
    deps.addresses.upsert(fromFakturiaCustomer(event.eventType, event.payload.customer), ctx.log);
}
