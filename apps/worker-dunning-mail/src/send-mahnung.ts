import type { Logger } from '@campus/logger';
import { composeMail, sendOnce } from '@campus/mailer';
import type { JobContext } from '@campus/queues';
import type { DunningMailDeps } from './deps.js';
import { missingCustomerNumber, type Mahnung } from './mahnung.js';
import { recipientOf } from './recipient.js';

export type MahnungOutcome =
  | { skipped: 'invoice_paid' | 'nothing_open' }
  | { skipped: 'paid_via_paypal'; saleId: string }
  | { template: `mahnung_${1 | 2 | 3}`; messageId: string };

/**
 * Sends the Mahnung unless the invoice is paid by now: recorded paid in the
 * ledger (Fakturia, a bank import), nothing open, or a PayPal payment of the
 * invoice's contract that still counts (paypal-cover.ts says which). Fakturia
 * may create the dunning before it has seen a payment that reached us through
 * another channel. A letter held back by a PayPal payment is kept with it,
 * and goes out when the payment is refunded or reversed.
 */
export async function sendMahnungUnlessPaid(
  deps: DunningMailDeps,
  mahnung: Mahnung,
  ctx: Pick<JobContext, 'eventKey' | 'once' | 'signal'>,
  log: Logger,
): Promise<MahnungOutcome> {
  const payment = await deps.ledger.paymentOf(mahnung.invoiceNumber);
  if (payment !== undefined) {
    log.info(
      { paidAt: payment.paidAt, paidVia: payment.source },
      'invoice already paid: no Mahnung sent',
    );
    return { skipped: 'invoice_paid' };
  }
  if (mahnung.amount <= 0) {
    // Fakturia's open amount is what counts: a dunning for nothing open would only confuse.
    log.info({ amount: mahnung.amount }, 'nothing open on the invoice: no Mahnung sent');
    return { skipped: 'nothing_open' };
  }
  const sale = await deps.paypalCover.hold(mahnung);
  if (sale !== undefined) {
    log.info(
      { saleId: sale.saleId, contractNumber: mahnung.contractNumber, paidAt: sale.paidAt },
      'paid through PayPal for the contract: Mahnung held back until the payment is refunded or reversed',
    );
    return { skipped: 'paid_via_paypal', saleId: sale.saleId };
  }
  const ref =
    mahnung.customerNumber === undefined
      ? undefined
      : { source: 'fakturia' as const, id: mahnung.customerNumber };
  const recipient = await recipientOf(deps, ref, mahnung.email, {
    neededFor: `the Mahnung for invoice ${mahnung.invoiceNumber}`,
    signal: ctx.signal,
    log,
  });
  if (recipient === undefined) throw missingCustomerNumber(mahnung.invoiceNumber);
  const template = `mahnung_${mahnung.level}` as const;
  const mail = composeMail(template, {
    to: recipient.email,
    vars: {
      rechnung_nr: mahnung.invoiceNumber,
      betrag: mahnung.amount,
      faellig_am: mahnung.dueDate,
      ...(recipient.name === undefined ? {} : { kunde_name: recipient.name }),
    },
  });
  const sent = await sendOnce(ctx, deps, mail);
  log.info({ template, messageId: sent.messageId }, 'Mahnung sent');
  return { template, messageId: sent.messageId };
}
