import type { EventHandler } from '@campus/queues';
import type { DunningMailDeps } from '../deps.js';
import { MissingFieldError } from '../errors.js';
import { sendPaypalPaymentFailed } from '../paypal-payment-failed.js';
import { readAmount, readText } from '../read-fields.js';

const EVENT = 'PAYMENT.SALE.DENIED';

/**
 * PayPal PAYMENT.SALE.DENIED → `zahlung_fehlgeschlagen`. The sale names its
 * subscription (`billing_agreement_id`) and the amount (`amount.total`).
 */
export function handlePaypalPaymentSaleDenied(
  deps: DunningMailDeps,
): EventHandler<'paypal.PAYMENT.SALE.DENIED'> {
  return async (event, ctx) => {
    const sale = event.resource;
    const context = ` for sale ${readText(sale.id) ?? '(no id)'}`;
    const amount = readAmount(sale.amount?.total);
    if (amount === undefined) throw new MissingFieldError(EVENT, 'resource.amount.total', context);
    const subscriptionId = readText(sale.billing_agreement_id);
    if (subscriptionId === undefined) {
      throw new MissingFieldError(EVENT, 'resource.billing_agreement_id', context);
    }
    return sendPaypalPaymentFailed(deps, ctx, {
      subscriptionId,
      contractNumber: readText(sale.custom),
      amount,
      logIds: { saleId: sale.id },
    });
  };
}
