import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { plenigoCustomerRef } from '../from-plenigo.js';

/** plenigo CUSTOMER/DELETION → certificates erased, the address deactivated, the directory record erased. */
export function handlePlenigoCustomerDeletion(
  deps: OrderToCustomerDeps,
): EventHandler<'plenigo.CUSTOMER/DELETION'> {
  return async (event, ctx) => {
    const ref = plenigoCustomerRef(event);
    // First, while the directory still knows the address: the callback carries none.
    await deps.certificates.eraseCustomer(ref, [], ctx.log);
    return deps.addresses.deactivate(ref, ctx.log);
  };
}
