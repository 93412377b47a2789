import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fromPlenigoCustomer } from '../from-plenigo.js';

/** plenigo CUSTOMER/CREATION → the customer's ProSonata address and directory record. */
export function handlePlenigoCustomerCreation(
  deps: OrderToCustomerDeps,
): EventHandler<'plenigo.CUSTOMER/CREATION'> {
  return (event, ctx) => deps.addresses.upsert(fromPlenigoCustomer(event), ctx.log);
}
