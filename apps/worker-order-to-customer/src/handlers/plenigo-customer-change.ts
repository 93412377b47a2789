import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fromPlenigoCustomer } from '../from-plenigo.js';

/** plenigo CUSTOMER/CHANGE → the customer's ProSonata address and directory record, updated. */
export function handlePlenigoCustomerChange(
  deps: OrderToCustomerDeps,
): EventHandler<'plenigo.CUSTOMER/CHANGE'> {
  return (event, ctx) => deps.addresses.upsert(fromPlenigoCustomer(event), ctx.log);
}
