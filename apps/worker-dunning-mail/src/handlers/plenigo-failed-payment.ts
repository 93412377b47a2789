import { composeMail, sendOnce } from '@campus/mailer';
import type { EventHandler } from '@campus/queues';
import type { DunningMailDeps } from '../deps.js';
import { MissingFieldError } from '../errors.js';
import { readAmount, readText } from '../read-fields.js';
import { recipientOf } from '../recipient.js';

const EVENT = 'FAILED_PAYMENT/PAYMENT_FAILED';

// plenigo's payment method codes, in the words the customer knows; others are left out of the mail.
const ZAHLUNGSART: Record<string, string> = {
  CREDIT_CARD: 'Kreditkarte',
  PAYPAL: 'PayPal',
  SEPA: 'SEPA-Lastschrift',
  SEPA_DIRECT_DEBIT: 'SEPA-Lastschrift',
  DIRECT_DEBIT: 'SEPA-Lastschrift',
  BILLING: 'Rechnung',
  INVOICE: 'Rechnung',
};

/** plenigo FAILED_PAYMENT → `zahlung_fehlgeschlagen` to the address in the callback, else the directory's. */
export function handlePlenigoFailedPayment(
  deps: DunningMailDeps,
): EventHandler<'plenigo.FAILED_PAYMENT/PAYMENT_FAILED'> {
  return async (event, ctx) => {
    const entity = event.entity ?? {};
    const customerId = readText(entity.customerId);
    const context = ` for plenigo customer ${customerId ?? '(no customerId)'}`;
    const amount = readAmount(entity.amount);
    if (amount === undefined) throw new MissingFieldError(EVENT, 'entity.amount', context);
    const ref =
      customerId === undefined ? undefined : { source: 'plenigo' as const, id: customerId };
    const recipient = await recipientOf(deps, ref, readText(entity.customerEmail), {
      neededFor: `the payment-failed notice${context}`,
      signal: ctx.signal,
      log: ctx.log,
    });
    if (recipient === undefined) {
      throw new MissingFieldError(EVENT, 'entity.customerEmail or entity.customerId', context);
    }
    const method = readText(entity.paymentMethod);
    const zahlungsart = method === undefined ? undefined : ZAHLUNGSART[method.toUpperCase()];
    const rechnungNr = readText(entity.invoiceId);
    const mail = composeMail('zahlung_fehlgeschlagen', {
      to: recipient.email,
      vars: {
        betrag: amount,
        ...(zahlungsart === undefined ? {} : { zahlungsart }),
        ...(rechnungNr === undefined ? {} : { rechnung_nr: rechnungNr }),
        ...(recipient.name === undefined ? {} : { kunde_name: recipient.name }),
      },
    });
    const sent = await sendOnce(ctx, deps, mail);
    ctx.log.info(
      { customerId, invoiceId: rechnungNr, messageId: sent.messageId },
      'payment-failed notice sent',
    );
    return { template: 'zahlung_fehlgeschlagen' as const, messageId: sent.messageId };
  };
}
