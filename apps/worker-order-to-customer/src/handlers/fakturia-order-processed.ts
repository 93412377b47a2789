import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fromFakturiaCustomer } from '../from-fakturia.js';

/** Fakturia ORDER_PROCESSED → the address of the ordering customer. */
export function handleFakturiaOrderProcessed(
  deps: OrderToCustomerDeps,
): EventHandler<'fakturia.ORDER_PROCESSED'> {
  return (event, ctx) =>
    deps.addresses.upsert(
      fromFakturiaCustomer(event.eventType, event.payload.customer, event.payload.orderCustomer),
      ctx.log,
    );
}
