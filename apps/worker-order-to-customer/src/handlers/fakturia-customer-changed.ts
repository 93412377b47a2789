import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fromFakturiaCustomer } from '../from-fakturia.js';

/** Fakturia CUSTOMER_CHANGED → the customer's ProSonata address and directory record, updated. */
export function handleFakturiaCustomerChanged(
  deps: OrderToCustomerDeps,
): EventHandler<'fakturia.CUSTOMER_CHANGED'> {
  return (event, ctx) =>
    deps.addresses.upsert(fromFakturiaCustomer(event.eventType, event.payload.customer), ctx.log);
}
