import type { EventHandler } from '@campus/queues';
import type { DunningMailDeps } from '../deps.js';
import { MissingFieldError } from '../errors.js';
import { sendPaypalPaymentFailed } from '../paypal-payment-failed.js';
import { readAmount, readText } from '../read-fields.js';

const EVENT = 'BILLING.SUBSCRIPTION.PAYMENT.FAILED';

/**
 * PayPal BILLING.SUBSCRIPTION.PAYMENT.FAILED → `zahlung_fehlgeschlagen`. The
 * resource is the subscription itself (`id`, our contract in `custom_id`); the
 * amount is its last failed payment (billing_subscriptions_v1.json,
 * `billing_info.last_failed_payment`).
 */
export function handlePaypalBillingSubscriptionPaymentFailed(
  deps: DunningMailDeps,
): EventHandler<'paypal.BILLING.SUBSCRIPTION.PAYMENT.FAILED'> {
  return async (event, ctx) => {
    const subscription = event.resource;
    const subscriptionId = readText(subscription.id);
    if (subscriptionId === undefined) throw new MissingFieldError(EVENT, 'resource.id', '');
    const amount = readAmount(subscription.billing_info?.last_failed_payment?.amount?.value);
    if (amount === undefined) {
      throw new MissingFieldError(
        EVENT,
        'resource.billing_info.last_failed_payment.amount.value',
        ` for subscription ${subscriptionId}`,
      );
    }
    return sendPaypalPaymentFailed(deps, ctx, {
      subscriptionId,
      contractNumber: readText(subscription.custom_id),
      amount,
      logIds: { paypalEventId: event.id },
    });
  };
}
