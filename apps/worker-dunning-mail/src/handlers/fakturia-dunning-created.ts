import { composeMail, sendOnce } from '@campus/mailer';
import type { EventHandler } from '@campus/queues';
import type { DunningMailDeps } from '../deps.js';
import { missingCustomerNumber, readMahnung } from '../mahnung.js';
import { recipientOf } from '../recipient.js';

/** Fakturia DUNNING_CREATED → the Mahnung of its level, unless the invoice is paid by now. */
export function handleFakturiaDunningCreated(
  deps: DunningMailDeps,
): EventHandler<'fakturia.DUNNING_CREATED'> {
  return async (event, ctx) => {
    const mahnung = readMahnung(event.payload);
    const log = ctx.log.child({
      invoiceNumber: mahnung.invoiceNumber,
      customerNumber: mahnung.customerNumber,
      dunningLevel: mahnung.level,
    });
    // Fakturia may create the dunning before it has seen a payment that
    // reached us through another channel (PayPal, a bank import).
    const payment = await deps.ledger.paymentOf(mahnung.invoiceNumber);
    if (payment !== undefined) {
      log.info(
        { paidAt: payment.paidAt, paidVia: payment.source },
        'invoice already paid: no Mahnung sent',
      );
      return { skipped: 'invoice_paid' as const };
    }
    if (mahnung.amount <= 0) {
      // Fakturia's open amount is what counts: a dunning for nothing open would only confuse.
      log.info({ amount: mahnung.amount }, 'nothing open on the invoice: no Mahnung sent');
      return { skipped: 'nothing_open' as const };
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
  };
}
