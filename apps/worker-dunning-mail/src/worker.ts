import { defineWorker } from '@campus/queues';
import type { DunningMailDeps } from './deps.js';
import { handleFakturiaDunningCreated } from './handlers/fakturia-dunning-created.js';
import { handlePaypalBillingSubscriptionPaymentFailed } from './handlers/paypal-billing-subscription-payment-failed.js';
import { handlePaypalPaymentSaleDenied } from './handlers/paypal-payment-sale-denied.js';
import { handlePaypalPaymentSaleRefunded } from './handlers/paypal-payment-sale-refunded.js';
import { handlePaypalPaymentSaleReversed } from './handlers/paypal-payment-sale-reversed.js';
import { handlePlenigoFailedPayment } from './handlers/plenigo-failed-payment.js';

/** The dunning-mail queue: Mahnungen and payment-failed notices. */
export function createDunningMailWorker(deps: DunningMailDeps) {
  return defineWorker({
    queue: 'dunning-mail',
    events: {
      'fakturia.DUNNING_CREATED': handleFakturiaDunningCreated(deps),
      'paypal.PAYMENT.SALE.DENIED': handlePaypalPaymentSaleDenied(deps),
      'paypal.BILLING.SUBSCRIPTION.PAYMENT.FAILED':
        handlePaypalBillingSubscriptionPaymentFailed(deps),
      'paypal.PAYMENT.SALE.REFUNDED': handlePaypalPaymentSaleRefunded(deps),
      'paypal.PAYMENT.SALE.REVERSED': handlePaypalPaymentSaleReversed(deps),
      'plenigo.FAILED_PAYMENT/PAYMENT_FAILED': handlePlenigoFailedPayment(deps),
    },
    confirmPaypalEvents: deps.confirmPaypalEvents,
  });
}
