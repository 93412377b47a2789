import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { recordPaypalReturn } from '../paypal-returns.js';

/** PayPal PAYMENT.SALE.REFUNDED → the refund recorded against its sale: the payment no longer counts. */
export function handlePaypalPaymentSaleRefunded(
  deps: InvoiceSyncDeps,
): EventHandler<'paypal.PAYMENT.SALE.REFUNDED'> {
  return (event, ctx) => recordPaypalReturn(deps, event, 'refund', ctx);
}
