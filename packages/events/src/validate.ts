import type { CAMPUS_EVENTS, PAYPAL_EVENTS } from './sources.js';
import { FAKTURIA_EVENTS, PLENIGO_EVENTS, type Source } from './sources.js';
import {
  compileSchema,
  toDetails,
  validateAgainst,
  type SchemaName,
  type ValidationDetail,
} from './schemas.js';
import {
  campusEventKey,
  fakturiaEventKey,
  paypalEventKey,
  plenigoEventKey,
  SENDER_ID_PATTERN,
} from './event-key.js';

/** A webhook that passed validation, with what the receiver needs to queue it. */
export interface InboundEvent {
  source: Source;
  /** DUNNING_CREATED, CUSTOMER/CREATION, PAYMENT.SALE.COMPLETED, form.ebook.kauf.submit, … */
  eventType: string;
  /** In the source's catalog; unknown types are accepted and routed nowhere. */
  known: boolean;
  eventKey: string;
  /** Fakturia's retryCount where the sender gives one. */
  senderRetryCount: number | null;
  /** The parsed body (Fakturia's `payLoad` spelling normalised to `payload`). */
  body: Record<string, unknown>;
}

export type EventValidation =
  { ok: true; event: InboundEvent } | { ok: false; details: ValidationDetail[] };

type Obj = Record<string, unknown>;
const invalid = (details: ValidationDetail[]): EventValidation => ({ ok: false, details });

const ENVELOPES = {
  fakturia: {
    type: 'object',
    required: ['eventType', 'triggerDate', 'payload'],
    properties: {
      eventType: { type: 'string', minLength: 1, maxLength: 100 },
      triggerDate: { type: 'string', minLength: 1, maxLength: 40 },
      retryCount: { type: 'integer', minimum: 0 },
      payload: { type: 'object' },
    },
  },
  plenigo: {
    type: 'object',
    required: ['entityType', 'callbackType', 'entityId', 'entity'],
    properties: {
      entityType: { type: 'string', minLength: 1, maxLength: 100 },
      callbackType: { type: 'string', minLength: 1, maxLength: 100 },
      entityId: { type: ['string', 'integer'] },
      entity: { type: ['object', 'null'] },
      version: { type: 'string' },
    },
  },
  paypal: {
    type: 'object',
    required: ['id', 'event_type', 'resource'],
    properties: {
      id: { type: 'string', pattern: SENDER_ID_PATTERN },
      event_type: { type: 'string', minLength: 1, maxLength: 100 },
      resource: { type: 'object' },
    },
  },
  campus: {
    type: 'object',
    required: ['event', 'data'],
    properties: {
      event: { type: 'string', minLength: 1, maxLength: 100 },
      data: { type: 'object' },
    },
  },
} as const;

function checkEnvelope(source: Source, body: unknown): ValidationDetail[] {
  const validate = compileSchema(`envelope:${source}`, ENVELOPES[source]);
  return validate(body) ? [] : toDetails(validate.errors);
}

function fakturiaTypeSchema(eventType: keyof typeof FAKTURIA_EVENTS) {
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

function validateFakturia(raw: Obj): EventValidation {
  // The docs spell the payload both ways; both are accepted and read as `payload`.
  const body: Obj =
    'payload' in raw || !('payLoad' in raw) ? raw : { ...raw, payload: raw.payLoad };
  const envelope = checkEnvelope('fakturia', body);
  if (envelope.length > 0) return invalid(envelope);
  const eventType = body.eventType as string;
  const known = eventType in FAKTURIA_EVENTS;
  if (known) {
    const type = eventType as keyof typeof FAKTURIA_EVENTS;
    const validate = compileSchema(`fakturia:${type}`, fakturiaTypeSchema(type));
    if (!validate(body)) return invalid(toDetails(validate.errors));
  }
  return {
    ok: true,
    event: {
      source: 'fakturia',
      eventType,
      known,
      eventKey: fakturiaEventKey(eventType, body.triggerDate as string, body.payload),
      senderRetryCount: typeof body.retryCount === 'number' ? body.retryCount : 0,
      body,
    },
  };
}

function validatePlenigo(body: Obj): EventValidation {
  const envelope = checkEnvelope('plenigo', body);
  if (envelope.length > 0) return invalid(envelope);
  const eventType = `${body.entityType as string}/${body.callbackType as string}`;
  const known = eventType in PLENIGO_EVENTS;
  if (
    known &&
    PLENIGO_EVENTS[eventType as keyof typeof PLENIGO_EVENTS] !== null &&
    body.entity === null
  ) {
    return invalid([{ path: '/entity', message: `must be an object for ${eventType}` }]);
  }
  return {
    ok: true,
    event: {
      source: 'plenigo',
      eventType,
      known,
      eventKey: plenigoEventKey(
        body.entityType as string,
        body.callbackType as string,
        body.entityId as string | number,
        body.entity,
      ),
      senderRetryCount: null,
      body,
    },
  };
}

const PAYPAL_SCHEMAS: Record<(typeof PAYPAL_EVENTS)[number], SchemaName> = {
  'PAYMENT.SALE.COMPLETED': 'paypal_webhook_payment_completed',
  'PAYMENT.SALE.DENIED': 'paypal_webhook_payment_denied',
};

function validatePaypal(body: Obj): EventValidation {
  const envelope = checkEnvelope('paypal', body);
  if (envelope.length > 0) return invalid(envelope);
  const eventType = body.event_type as string;
  const known = eventType in PAYPAL_SCHEMAS;
  if (known) {
    const result = validateAgainst(PAYPAL_SCHEMAS[eventType as keyof typeof PAYPAL_SCHEMAS], body);
    if (!result.ok) return invalid(result.details);
  }
  return {
    ok: true,
    event: {
      source: 'paypal',
      eventType,
      known,
      eventKey: paypalEventKey(body.id as string),
      senderRetryCount: null,
      body,
    },
  };
}

const CAMPUS_SCHEMAS: Record<(typeof CAMPUS_EVENTS)[number], SchemaName> = {
  'form.b2b.angebot.submit': 'form_b2b_angebot_in',
  'form.ebook.kauf.submit': 'form_ebook_kauf_in',
  'form.login.magic_code.request': 'form_magic_code_request_in',
  'form.login.magic_code.verify': 'form_magic_code_verify_in',
  'campus.angebot.angenommen': 'campus_angebot_angenommen_in',
  'campus.zertifikat.ausstellen': 'campus_zertifikat_ausstellen_in',
};

const webhookIdPattern = new RegExp(SENDER_ID_PATTERN);

function validateCampus(body: Obj, webhookId: string | undefined): EventValidation {
  const envelope = checkEnvelope('campus', body);
  if (envelope.length > 0) return invalid(envelope);
  if (!webhookId || !webhookIdPattern.test(webhookId)) {
    return invalid([
      { path: '/', message: `the webhook-id header must match ${SENDER_ID_PATTERN}` },
    ]);
  }
  const eventType = body.event as string;
  const known = eventType in CAMPUS_SCHEMAS;
  if (known) {
    const result = validateAgainst(
      CAMPUS_SCHEMAS[eventType as keyof typeof CAMPUS_SCHEMAS],
      body.data,
      '/data',
    );
    if (!result.ok) return invalid(result.details);
  }
  return {
    ok: true,
    event: {
      source: 'campus',
      eventType,
      known,
      eventKey: campusEventKey(webhookId),
      senderRetryCount: null,
      body,
    },
  };
}

/**
 * Checks a parsed body against its source's envelope, the event type's
 * attributes and, where one exists, its schema; derives the event key.
 */
export function validateEvent(
  source: Source,
  body: unknown,
  context: { webhookId?: string } = {},
): EventValidation {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return invalid([{ path: '/', message: 'must be a JSON object' }]);
  }
  const obj = body as Obj;
  switch (source) {
    case 'fakturia':
      return validateFakturia(obj);
    case 'plenigo':
      return validatePlenigo(obj);
    case 'paypal':
      return validatePaypal(obj);
    case 'campus':
      return validateCampus(obj, context.webhookId);
  }
}
