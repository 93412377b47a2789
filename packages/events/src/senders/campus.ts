/**
 * The Campus website: envelope, its events (the four forms of the seed
 * schemas and our two `campus.*` events), event key and validation. Its
 * authentication (Standard Webhooks) is packages/webhook-auth/src/senders/campus.ts.
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

/** The website's events: the four forms of the seed schemas and our two `campus.*` events. */
export const CAMPUS_EVENTS = [
  'form.b2b.angebot.submit',
  'form.ebook.kauf.submit',
  'form.login.magic_code.request',
  'form.login.magic_code.verify',
  'campus.angebot.angenommen',
  'campus.zertifikat.ausstellen',
] as const;
export type CampusEventType = (typeof CAMPUS_EVENTS)[number];

/** The one event answered synchronously by the receiver instead of queued. */
export const SYNCHRONOUS_EVENT = 'form.login.magic_code.verify';

const CAMPUS_SCHEMAS: Record<CampusEventType, SchemaName> = {
  'form.b2b.angebot.submit': 'form_b2b_angebot_in',
  'form.ebook.kauf.submit': 'form_ebook_kauf_in',
  'form.login.magic_code.request': 'form_magic_code_request_in',
  'form.login.magic_code.verify': 'form_magic_code_verify_in',
  'campus.angebot.angenommen': 'campus_angebot_angenommen_in',
  'campus.zertifikat.ausstellen': 'campus_zertifikat_ausstellen_in',
};

/** `{event, data}`. */
const CAMPUS_ENVELOPE = {
  type: 'object',
  required: ['event', 'data'],
  properties: {
    event: { type: 'string', minLength: 1, maxLength: 100 },
    data: { type: 'object' },
  },
} as const;

/** Campus website: the Standard Webhooks `webhook-id`. */
export function campusEventKey(webhookId: string): string {
  return `campus.${webhookId}`;
}

const webhookIdPattern = new RegExp(SENDER_ID_PATTERN);

export const validateCampus: SenderValidation = (
  body,
  { webhookId, eventKey },
): EventValidation => {
  const envelope = checkEnvelope('campus', CAMPUS_ENVELOPE, body);
  if (envelope.length > 0) return invalid(envelope);
  if (!webhookId || !webhookIdPattern.test(webhookId)) {
    return invalid([
      { path: '/', message: `the webhook-id header must match ${SENDER_ID_PATTERN}` },
    ]);
  }
  const eventType = body.event as string;
  const schema = catalogEntry(CAMPUS_SCHEMAS, eventType);
  const known = schema !== undefined;
  if (known) {
    const result = validateAgainst(schema, body.data, '/data');
    if (!result.ok) return invalid(result.details);
  }
  return {
    ok: true,
    event: {
      source: 'campus',
      eventType,
      known,
      eventKey: eventKey ?? campusEventKey(webhookId),
      senderRetryCount: null,
      body,
    },
  };
};
