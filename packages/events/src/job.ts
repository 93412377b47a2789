import type { Source } from '@campus/sources';
import type { InboundEvent } from './inbound-event.js';

/** What the receiver puts into every routed queue for one event. */
export interface EventJobData {
  source: Source;
  eventType: string;
  eventKey: string;
  /** The body exactly as the sender posted it. */
  rawBody: string;
  receivedAt: string;
  /** Selected headers that carry no secret (content-type, user-agent, delivery ids). */
  headers: Record<string, string>;
  /** Fakturia's retryCount at delivery; null for senders that send none. */
  senderRetryCount: number | null;
}

/** What the receiver keeps of a payload it could not process. */
export interface QuarantineJobData {
  source: Source;
  rawBody: string;
  receivedAt: string;
  headers: Record<string, string>;
  /**
   * `invalid_json`, `invalid_payload`: the receiver could not take it.
   * `unconfirmed`: a worker asked PayPal for its copy of a money-moving event
   * and PayPal's differs or does not exist (`details` names the fields).
   */
  reason: 'invalid_json' | 'invalid_payload' | 'unconfirmed';
  details: { path: string; message: string }[];
  /** Set by a replay: the event the payload became once it was valid. */
  replayedAs?: string;
}

/** Headers worth keeping with a job: never authorization, tokens or signatures. */
export const KEPT_HEADERS = [
  'content-type',
  'user-agent',
  'webhook-id',
  'webhook-timestamp',
  'paypal-transmission-id',
  'paypal-transmission-time',
  'paypal-cert-url',
  'paypal-auth-algo',
  'x-request-id',
] as const;

export function keptHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') kept[name] = value.slice(0, 512);
  }
  return kept;
}

/** The job the receiver queues for a validated event (and the quarantine replay, for a fixed one). */
export function toEventJob(
  event: InboundEvent,
  rawBody: string,
  receivedAt: string,
  headers: Record<string, string>,
): EventJobData {
  return {
    source: event.source,
    eventType: event.eventType,
    eventKey: event.eventKey,
    rawBody,
    receivedAt,
    headers,
    senderRetryCount: event.senderRetryCount,
  };
}

const BASE64_PREFIX = 'base64:';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A quarantined body as kept in the job: the text, or for bytes that are not
 * UTF-8 `base64:<bytes>`, so that no byte is lost on the way through JSON.
 */
export function encodeQuarantinedBody(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    return `${BASE64_PREFIX}${raw.toString('base64')}`;
  }
}

/** The text of a quarantined body; undefined while its bytes are still not UTF-8. */
export function decodeQuarantinedBody(rawBody: string): string | undefined {
  if (!rawBody.startsWith(BASE64_PREFIX)) return rawBody;
  try {
    return utf8.decode(Buffer.from(rawBody.slice(BASE64_PREFIX.length), 'base64'));
  } catch {
    return undefined;
  }
}
