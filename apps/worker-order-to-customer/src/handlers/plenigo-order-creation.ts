import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fromPlenigoOrder } from '../from-plenigo.js';

/** plenigo ORDER/CREATION → the address of the ordering customer. */
export function handlePlenigoOrderCreation(
  deps: OrderToCustomerDeps,
): EventHandler<'plenigo.ORDER/CREATION'> {
  return (event, ctx) => deps.addresses.upsert(fromPlenigoOrder(event), ctx.log);
}
