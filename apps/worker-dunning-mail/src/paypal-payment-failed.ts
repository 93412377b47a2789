import { composeMail, sendOnce } from '@campus/mailer';
import type { JobContext } from '@campus/queues';
import type { DunningMailDeps } from './deps.js';
import { SubscriptionNotLinkedError, SubscriptionWithoutCustomerError } from './errors.js';
import { readText } from './read-fields.js';
import { recipientFromDirectory } from './recipient.js';

/** A PayPal payment that failed, as its event names it. */
export interface FailedPaypalPayment {
  /** The PayPal subscription the payment belonged to. */
  subscriptionId: string;
  /** Our contract number, as we gave it to PayPal (`custom`, `custom_id`), for the messages. */
  contractNumber: string | undefined;
  /** In euros. */
  amount: number;
  /** Ids for the log lines (the sale, the event). */
  logIds: Record<string, string | undefined>;
}

/**
 * `zahlung_fehlgeschlagen` for a failed PayPal payment: the link written when
 * we created the subscription leads to the Fakturia customer, and from there
 * (directory, else Fakturia) to the address.
 */
export async function sendPaypalPaymentFailed(
  deps: DunningMailDeps,
  ctx: JobContext,
  payment: FailedPaypalPayment,
): Promise<{ template: 'zahlung_fehlgeschlagen'; messageId: string }> {
  const { subscriptionId } = payment;
  const link = await deps.subscriptions.find(subscriptionId);
  if (link === undefined)
    throw new SubscriptionNotLinkedError(subscriptionId, payment.contractNumber);
  const customerNumber = readText(link.customerNumber);
  if (customerNumber === undefined) {
    throw new SubscriptionWithoutCustomerError(subscriptionId, link.contractNumber);
  }
  const log = ctx.log.child({
    ...payment.logIds,
    subscriptionId,
    contractNumber: link.contractNumber,
    customerNumber,
  });
  const recipient = await recipientFromDirectory(
    deps,
    { source: 'fakturia', id: customerNumber },
    {
      neededFor: `the payment-failed notice of PayPal subscription ${subscriptionId}`,
      signal: ctx.signal,
      log,
    },
  );
  const mail = composeMail('zahlung_fehlgeschlagen', {
    to: recipient.email,
    vars: {
      betrag: payment.amount,
      zahlungsart: 'PayPal',
      ...(recipient.name === undefined ? {} : { kunde_name: recipient.name }),
    },
  });
  const sent = await sendOnce(ctx, deps, mail);
  log.info({ messageId: sent.messageId }, 'payment-failed notice sent');
  return { template: 'zahlung_fehlgeschlagen', messageId: sent.messageId };
}
