import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { recordPaypalReturn } from '../paypal-returns.js';

/** PayPal PAYMENT.SALE.REVERSED (chargeback) → recorded against its sale: the payment no longer counts. */
export function handlePaypalPaymentSaleReversed(
  deps: InvoiceSyncDeps,
): EventHandler<'paypal.PAYMENT.SALE.REVERSED'> {
  return (event, ctx) => recordPaypalReturn(deps, event, 'reversal', ctx);
}
