import {
  isMoneyMovingPaypalEvent,
  type InboundEvent,
  type QuarantineJobData,
} from '@campus/events';

/**
 * Events that move money: a payment recorded or taken back. PayPal's
 * (PAYMENT.SALE.*, BILLING.SUBSCRIPTION.PAYMENT.*) as issue #9 names them;
 * Fakturia's INVOICE_PAYMENT_RECEIVED marks an invoice paid.
 */
export function movesMoney(event: Pick<InboundEvent, 'source' | 'eventType'>): boolean {
  if (event.source === 'fakturia') return event.eventType === 'INVOICE_PAYMENT_RECEIVED';
  return event.source === 'paypal' && isMoneyMovingPaypalEvent(event.eventType);
}

/**
 * Why a quarantined delivery may not be replayed as it now reads; undefined
 * when it may. `delivered`: the body is still the bytes the receiver
 * authenticated (its hash is in the quarantine job's id, which no one can
 * edit). A replay authenticates again where the source allows it:
 *
 * - A money-moving event replays only with the body as delivered: a payment
 *   edited by hand is an operator's word, not the sender's.
 * - A money-moving PayPal event (its signature covers only a CRC32 of the
 *   body) is queued again like any other, and the worker confirms it with
 *   PayPal's API before its handler acts (the same step as for a delivery,
 *   packages/queues/src/worker/paypal-confirmation.ts): what PayPal does not
 *   confirm goes back to the quarantine.
 * - Everything else replays as fixed: that is what the quarantine is for.
 */
export function replayRefusal(
  event: Pick<InboundEvent, 'source' | 'eventType'>,
  delivered: boolean,
): string | undefined {
  if (!movesMoney(event) || delivered) return undefined;
  return `Not replayed: ${event.eventType} moves money, and its body was edited after it arrived. A payment counts only as its sender delivered it: ask ${event.source} to deliver it again.`;
}

/**
 * Why a payload a worker quarantined because PayPal did not confirm it is not
 * queued again on the replay's own first pass (every quarantined payload is
 * processed once at once): an operator decides, after checking the event in
 * PayPal, by retrying the quarantine job; the worker then asks PayPal again.
 */
export function unconfirmedRefusal(data: Pick<QuarantineJobData, 'details'>): string {
  const fields = data.details.map((d) => `${d.path} ${d.message}`).join('; ');
  return (
    `Not replayed on its own: PayPal did not confirm this event (${fields}). Treat it as forged unless ` +
    "PayPal's Webhooks events dashboard shows it with these values; then retry this job, and the worker " +
    'asks PayPal again before it acts'
  );
}
