/**
 * Fakturia: envelope, event catalog, event key and validation. The event types
 * and their payload attributes are those of seeds/fakturia-webhooks.txt; its
 * authentication is packages/webhook-auth/src/senders/fakturia.ts.
 */
import { canonicalJson, sha256Hex } from '../canonical.js';
import {
  catalogEntry,
  checkEnvelope,
  invalid,
  keyPart,
  type EventValidation,
  type SenderValidation,
} from '../inbound-event.js';
import { canonicalMembers } from '../json-text.js';
import { compileSchema, toDetails } from '../schemas.js';

type AttributeType = 'object' | 'number' | 'string';

/** Each Fakturia event type with the payload attributes it carries. */
export const FAKTURIA_EVENTS = {
  CUSTOMER_CREATED: { customer: 'object' },
  CUSTOMER_CHANGED: { customer: 'object' },
  CUSTOMER_DELETED: { customer: 'object' },
  CUSTOMER_CHANGEREQUEST_CREATED: { changeCustomer: 'object' },
  ITEM_CREATED: { item: 'object' },
  ITEM_CHANGED: { item: 'object' },
  ITEM_DELETED: { item: 'object' },
  CONTRACT_CREATED: { contract: 'object' },
  CONTRACT_ACTIVATED: { contract: 'object' },
  CONTRACT_CHANGED: { contract: 'object' },
  CONTRACT_TERMINATED: { contract: 'object' },
  CONTRACT_ENDED: { contract: 'object' },
  INVOICE_CREATED: { invoice: 'object' },
  INVOICE_PAYMENT_RECEIVED: { invoice: 'object', payDate: 'string', payAmount: 'number' },
  INVOICECORRECTION_CREATED: { invoicecorrection: 'object' },
  DUNNING_CREATED: { invoice: 'object', dunningLevel: 'number' },
  ORDER_RECEIVED: { orderCustomer: 'object' },
  ORDER_PROCESSED: { orderCustomer: 'object', customer: 'object' },
  ORDER_CANCELLED: { orderCustomer: 'object' },
  TESTHOOK: { dummyData: 'object' },
} as const satisfies Record<string, Record<string, AttributeType>>;
export type FakturiaEventType = keyof typeof FAKTURIA_EVENTS;

/** `{eventType, triggerDate, retryCount, payload}`. */
const FAKTURIA_ENVELOPE = {
  type: 'object',
  required: ['eventType', 'triggerDate', 'payload'],
  properties: {
    eventType: { type: 'string', minLength: 1, maxLength: 100 },
    triggerDate: { type: 'string', minLength: 1, maxLength: 40 },
    retryCount: { type: 'integer', minimum: 0 },
    payload: { type: 'object' },
  },
} as const;

/**
 * Fakturia: eventType, triggerDate and the payload; retryCount is deliberately
 * left out. (Event keys double as BullMQ job ids, so they never contain ':'.)
 */
export function fakturiaEventKey(eventType: string, triggerDate: string, payload: unknown): string {
  return `fakturia.${sha256Hex(canonicalJson([eventType, triggerDate, payload]))}`;
}

function attributesSchema(eventType: FakturiaEventType) {
  const attributes: Record<string, string> = FAKTURIA_EVENTS[eventType];
  return {
    type: 'object',
    properties: {
      payload: {
        type: 'object',
        required: Object.keys(attributes),
        properties: Object.fromEntries(
          Object.entries(attributes).map(([k, type]) => [k, { type }]),
        ),
      },
    },
  };
}

export const validateFakturia: SenderValidation = (
  raw,
  { sourceText, eventKey },
): EventValidation => {
  // The docs spell the payload both ways; both are accepted and read as `payload`.
  const spelling =
    Object.hasOwn(raw, 'payload') || !Object.hasOwn(raw, 'payLoad') ? 'payload' : 'payLoad';
  const body = spelling === 'payload' ? raw : { ...raw, payload: raw.payLoad };
  const envelope = checkEnvelope('fakturia', FAKTURIA_ENVELOPE, body);
  if (envelope.length > 0) return invalid(envelope);
  const eventType = body.eventType as string;
  const known = catalogEntry(FAKTURIA_EVENTS, eventType) !== undefined;
  if (known) {
    const type = eventType as FakturiaEventType;
    const validate = compileSchema(`fakturia:${type}`, () => attributesSchema(type));
    if (!validate(body)) return invalid(toDetails(validate.errors));
  }
  return {
    ok: true,
    event: {
      source: 'fakturia',
      eventType,
      known,
      eventKey:
        eventKey ??
        fakturiaEventKey(
          eventType,
          body.triggerDate as string,
          keyPart(
            sourceText === undefined ? undefined : canonicalMembers(sourceText),
            spelling,
            body.payload,
          ),
        ),
      senderRetryCount: typeof body.retryCount === 'number' ? body.retryCount : 0,
      body,
    },
  };
};
