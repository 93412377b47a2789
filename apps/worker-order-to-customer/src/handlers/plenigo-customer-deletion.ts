import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { plenigoCustomerRef } from '../from-plenigo.js';

/** plenigo CUSTOMER/DELETION → the address deactivated, the directory record erased. */
export function handlePlenigoCustomerDeletion(
  deps: OrderToCustomerDeps,
): EventHandler<'plenigo.CUSTOMER/DELETION'> {
  return (event, ctx) => deps.addresses.deactivate(plenigoCustomerRef(event), ctx.log);
}
