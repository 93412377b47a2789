/**
 * PayPal: envelope, the event types with a schema of their own, event key and
 * validation. Its authentication (transmission signature) is
 * packages/webhook-auth/src/senders/paypal.ts.
 */
import {
  catalogEntry,
  checkEnvelope,
  invalid,
  SENDER_ID_PATTERN,
  type EventValidation,
  type SenderValidation,
} from '../inbound-event.js';
import { validateAgainst, type SchemaName } from '../schemas.js';

/** PayPal event types with a schema of their own; others are accepted and routed nowhere. */
export const PAYPAL_EVENTS = [
  'PAYMENT.SALE.COMPLETED',
  'PAYMENT.SALE.DENIED',
  'PAYMENT.SALE.REFUNDED',
  'PAYMENT.SALE.REVERSED',
  'BILLING.SUBSCRIPTION.PAYMENT.FAILED',
] as const;
export type PaypalEventType = (typeof PAYPAL_EVENTS)[number];

const PAYPAL_SCHEMAS: Record<PaypalEventType, SchemaName> = {
  'PAYMENT.SALE.COMPLETED': 'paypal_webhook_payment_completed',
  'PAYMENT.SALE.DENIED': 'paypal_webhook_payment_denied',
  'PAYMENT.SALE.REFUNDED': 'paypal_webhook_sale_refunded',
  'PAYMENT.SALE.REVERSED': 'paypal_webhook_sale_reversed',
  'BILLING.SUBSCRIPTION.PAYMENT.FAILED': 'paypal_webhook_subscription_payment_failed',
};

/**
 * Events that move money (issue #9): a worker confirms them with PayPal's API
 * (`GET /v1/notifications/webhooks-events/{id}`) before it acts, because the
 * transmission signature rests on a forgeable CRC32.
 */
export function isMoneyMovingPaypalEvent(eventType: string): boolean {
  return (
    eventType.startsWith('PAYMENT.SALE.') || eventType.startsWith('BILLING.SUBSCRIPTION.PAYMENT.')
  );
}

/**
 * PayPal's word on an event we received, from its own copy
 * (`confirmPaypalEvent` in @campus/clients asks; the worker runtime acts on
 * the answer before any handler runs).
 */
export type PaypalConfirmation =
  | { confirmed: true }
  | {
      confirmed: false;
      /** For the quarantine and the operator: which fields differ (no values), or that PayPal has no such event. */
      reason: string;
      /** The differing fields as paths into the event (`resource.amount.total`); empty when PayPal has no such event. */
      mismatches: string[];
    };

/** A PayPal event `{id, event_type, resource, ...}`. */
const PAYPAL_ENVELOPE = {
  type: 'object',
  required: ['id', 'event_type', 'resource'],
  properties: {
    id: { type: 'string', pattern: SENDER_ID_PATTERN },
    event_type: { type: 'string', minLength: 1, maxLength: 100 },
    resource: { type: 'object' },
  },
} as const;

/** PayPal: the event id. */
export function paypalEventKey(id: string): string {
  return `paypal.${id}`;
}

export const validatePaypal: SenderValidation = (body, { eventKey }): EventValidation => {
  const envelope = checkEnvelope('paypal', PAYPAL_ENVELOPE, body);
  if (envelope.length > 0) return invalid(envelope);
  const eventType = body.event_type as string;
  const schema = catalogEntry(PAYPAL_SCHEMAS, eventType);
  const known = schema !== undefined;
  if (known) {
    const result = validateAgainst(schema, body);
    if (!result.ok) return invalid(result.details);
  }
  return {
    ok: true,
    event: {
      source: 'paypal',
      eventType,
      known,
      eventKey: eventKey ?? paypalEventKey(body.id as string),
      senderRetryCount: null,
      body,
    },
  };
};
