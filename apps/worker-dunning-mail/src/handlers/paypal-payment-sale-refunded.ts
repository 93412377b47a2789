import type { EventHandler } from '@campus/queues';
import type { DunningMailDeps } from '../deps.js';
import { releaseHeldMahnung } from '../release-mahnung.js';

/** PayPal PAYMENT.SALE.REFUNDED → the Mahnung the refunded payment held back is sent. */
export function handlePaypalPaymentSaleRefunded(
  deps: DunningMailDeps,
): EventHandler<'paypal.PAYMENT.SALE.REFUNDED'> {
  return (event, ctx) => releaseHeldMahnung(deps, event, ctx);
}
