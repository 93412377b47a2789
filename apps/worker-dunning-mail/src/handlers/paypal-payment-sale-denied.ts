import { composeMail, sendOnce } from '@campus/mailer';
import type { EventHandler } from '@campus/queues';
import type { DunningMailDeps } from '../deps.js';
import {
  MissingFieldError,
  SubscriptionNotLinkedError,
  SubscriptionWithoutCustomerError,
} from '../errors.js';
import { readAmount, readText } from '../read-fields.js';
import { recipientFromDirectory } from '../recipient.js';

const EVENT = 'PAYMENT.SALE.DENIED';

/**
 * PayPal PAYMENT.SALE.DENIED → `zahlung_fehlgeschlagen`. The sale names its
 * subscription (billing_agreement_id); the link written when we created that
 * subscription leads to the Fakturia customer and from there to the address.
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
    const link = await deps.subscriptions.find(subscriptionId);
    if (link === undefined)
      throw new SubscriptionNotLinkedError(subscriptionId, readText(sale.custom));
    const customerNumber = readText(link.customerNumber);
    if (customerNumber === undefined) {
      throw new SubscriptionWithoutCustomerError(subscriptionId, link.contractNumber);
    }
    const log = ctx.log.child({
      saleId: sale.id,
      subscriptionId,
      contractNumber: link.contractNumber,
      customerNumber,
    });
    const recipient = await recipientFromDirectory(deps.directory, {
      source: 'fakturia',
      id: customerNumber,
    });
    const mail = composeMail('zahlung_fehlgeschlagen', {
      to: recipient.email,
      vars: {
        betrag: amount,
        zahlungsart: 'PayPal',
        ...(recipient.name === undefined ? {} : { kunde_name: recipient.name }),
      },
    });
    const sent = await sendOnce(ctx, deps, mail);
    log.info({ messageId: sent.messageId }, 'payment-failed notice sent');
    return { template: 'zahlung_fehlgeschlagen' as const, messageId: sent.messageId };
  };
}
