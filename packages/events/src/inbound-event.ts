import type { Source } from '@campus/sources';
import { CanonicalText } from './canonical.js';
import { compileSchema, toDetails, type ValidationDetail } from './schemas.js';

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

/** What validation needs beyond the body. */
export interface ValidationContext {
  /** For the website: the Standard Webhooks `webhook-id`. */
  webhookId?: string;
  /**
   * The body as sent, when JSON.parse would not keep its numbers as written
   * (ingest decides, scanJsonText): event keys are then made from it, so that
   * two events JSON.parse would read alike keep different keys.
   */
  sourceText?: string;
  /**
   * The key the receiver made of this very body (a queued job's `eventKey`):
   * taken as it is rather than made again, which for Fakturia and plenigo
   * means canonical JSON and a hash of the whole body on every job.
   */
  eventKey?: string;
}

/**
 * A top-level member of the body for an event key: canonical JSON made from
 * the source text when there is one, else the parsed value.
 */
export function keyPart(
  members: Map<string, string> | undefined,
  name: string,
  parsed: unknown,
): unknown {
  const text = members?.get(name);
  return text === undefined ? parsed : new CanonicalText(text);
}

/** One sender's validation of a parsed JSON object (see senders/<source>.ts). */
export type SenderValidation = (
  body: Record<string, unknown>,
  context: ValidationContext,
) => EventValidation;

export const invalid = (details: ValidationDetail[]): EventValidation => ({ ok: false, details });

/** The sender's envelope schema against the body; empty when it holds. */
export function checkEnvelope(source: Source, schema: object, body: unknown): ValidationDetail[] {
  const validate = compileSchema(`envelope:${source}`, schema);
  return validate(body) ? [] : toDetails(validate.errors);
}

/**
 * The catalog's entry for an event type. Own keys only: a sender's
 * `constructor` or `toString` is an unknown event type, not Object's.
 */
export function catalogEntry<T>(
  catalog: Readonly<Record<string, T>>,
  eventType: string,
): T | undefined {
  return Object.hasOwn(catalog, eventType) ? catalog[eventType] : undefined;
}

/** Sender-chosen ids that become part of a key must be short and plain. */
export const SENDER_ID_PATTERN = '^[A-Za-z0-9._-]{1,128}$';
