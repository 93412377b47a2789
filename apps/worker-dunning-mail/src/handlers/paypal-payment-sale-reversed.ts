import type { EventHandler } from '@campus/queues';
import type { DunningMailDeps } from '../deps.js';
import { releaseHeldMahnung } from '../release-mahnung.js';

/** PayPal PAYMENT.SALE.REVERSED (chargeback) → the Mahnung the reversed payment held back is sent. */
export function handlePaypalPaymentSaleReversed(
  deps: DunningMailDeps,
): EventHandler<'paypal.PAYMENT.SALE.REVERSED'> {
  return (event, ctx) => releaseHeldMahnung(deps, event, ctx);
}
