import type { InboundEvent } from '@campus/events';

/**
 * Events that move money: a payment recorded or taken back. PayPal's
 * (PAYMENT.SALE.*, BILLING.SUBSCRIPTION.PAYMENT.*) as issue #9 names them;
 * Fakturia's INVOICE_PAYMENT_RECEIVED marks an invoice paid.
 */
export function movesMoney(event: Pick<InboundEvent, 'source' | 'eventType'>): boolean {
  if (event.source === 'fakturia') return event.eventType === 'INVOICE_PAYMENT_RECEIVED';
  if (event.source === 'paypal') {
    return /^(PAYMENT\.SALE\.|BILLING\.SUBSCRIPTION\.PAYMENT\.)/.test(event.eventType);
  }
  return false;
}

/**
 * Why a quarantined delivery may not be replayed as it now reads; undefined
 * when it may. `delivered`: the body is still the bytes the receiver
 * authenticated (its hash is in the quarantine job's id, which no one can
 * edit). A replay authenticates again where the source allows it:
 *
 * - PayPal's signature covers only a CRC32 of the body, so a money-moving
 *   PayPal event counts only once confirmed with PayPal's API. This build has
 *   no such confirmation, so the replay refuses and points to PayPal's resend
 *   (developer.paypal.com/api/rest/webhooks/events-dashboard;
 *   POST /v1/notifications/webhooks-events/{event_id}/resend).
 * - Any other money-moving event replays only with the body as delivered: a
 *   payment edited by hand is an operator's word, not the sender's.
 * - Everything else replays as fixed: that is what the quarantine is for.
 */
export function replayRefusal(
  event: Pick<InboundEvent, 'source' | 'eventType'>,
  delivered: boolean,
): string | undefined {
  if (!movesMoney(event)) return undefined;
  if (event.source === 'paypal') {
    return `Not replayed: ${event.eventType} moves money and must be confirmed with PayPal's API first, which this replay cannot do. Resend the event from PayPal (Webhooks events dashboard, or POST /v1/notifications/webhooks-events/{id}/resend) so that it arrives through the receiver.`;
  }
  if (!delivered) {
    return `Not replayed: ${event.eventType} moves money, and its body was edited after it arrived. A payment counts only as its sender delivered it: ask ${event.source} to deliver it again.`;
  }
  return undefined;
}
