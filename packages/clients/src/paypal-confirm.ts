import type { PaypalConfirmation } from '@campus/events';
import { UpstreamRejectedError } from './errors.js';
import type { PaypalClient, PaypalWebhookEvent } from './paypal.js';

export type { PaypalConfirmation };

/**
 * The fields that decide what a money-moving event does: its type, the
 * resource, its state, amount and whose it is. Paths into the event; a field
 * absent from both copies is equal.
 */
const COMPARED = [
  ['event_type'],
  ['resource_type'],
  ['resource', 'id'],
  ['resource', 'state'],
  ['resource', 'status'],
  ['resource', 'amount', 'total'],
  ['resource', 'amount', 'currency'],
  ['resource', 'amount', 'value'],
  ['resource', 'amount', 'currency_code'],
  ['resource', 'billing_agreement_id'],
  ['resource', 'custom'],
  ['resource', 'custom_id'],
  ['resource', 'parent_payment'],
  ['resource', 'sale_id'],
  ['resource', 'plan_id'],
  ['resource', 'billing_info', 'last_failed_payment', 'amount', 'value'],
  ['resource', 'billing_info', 'last_failed_payment', 'amount', 'currency_code'],
] as const;

function at(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Which compared fields differ between the event received and PayPal's copy. */
export function comparePaypalEvents(received: unknown, paypals: PaypalWebhookEvent): string[] {
  return COMPARED.filter(
    (path) => JSON.stringify(at(received, path)) !== JSON.stringify(at(paypals, path)),
  ).map((path) => path.join('.'));
}

/**
 * Confirms a money-moving event with PayPal before a worker acts on it (issue
 * #9): `GET /v1/notifications/webhooks-events/{id}` returns the event as PayPal
 * sent it, and the fields that move money must be the same. An id PayPal does
 * not know (404) is not confirmed; other failures are thrown with their retry
 * behaviour (UpstreamError: 5xx and timeouts retry, 429 waits).
 */
export async function confirmPaypalEvent(
  paypal: PaypalClient,
  received: PaypalWebhookEvent & { id: string },
  signal?: AbortSignal,
): Promise<PaypalConfirmation> {
  let paypals: PaypalWebhookEvent;
  try {
    paypals = await paypal.getWebhookEvent(received.id, signal);
  } catch (error) {
    if (error instanceof UpstreamRejectedError && error.status === 404) {
      return {
        confirmed: false,
        reason: `PayPal does not know the event ${received.id}: it was not sent by PayPal to this account`,
        mismatches: [],
      };
    }
    throw error;
  }
  if (paypals.id !== received.id) {
    return {
      confirmed: false,
      reason: `PayPal answered another event for ${received.id}`,
      mismatches: ['id'],
    };
  }
  const mismatches = comparePaypalEvents(received, paypals);
  return mismatches.length === 0
    ? { confirmed: true }
    : {
        confirmed: false,
        reason: `The event differs from PayPal's copy in ${mismatches.join(', ')}`,
        mismatches,
      };
}

/**
 * A worker's confirmation step (`confirmPaypalEvents` of its definition in
 * @campus/queues): PayPal is asked before a handler acts on a money-moving
 * event, or `'off'` where PAYPAL_CONFIRM_EVENTS is false.
 */
export function paypalEventConfirmer(paypal: PaypalClient, confirmEvents: 'true' | 'false') {
  if (confirmEvents === 'false') return 'off' as const;
  return (event: PaypalWebhookEvent & { id: string }, signal?: AbortSignal) =>
    confirmPaypalEvent(paypal, event, signal);
}
