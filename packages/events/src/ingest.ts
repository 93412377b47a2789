import type { Source } from '@campus/sources';
import type { EventValidation, InboundEvent, ValidationContext } from './inbound-event.js';
import { toEventJob, type EventJobData } from './job.js';
import { describeJsonError, MAX_JSON_DEPTH, scanJsonText } from './json-text.js';
import { routeEvent, type DomainQueue } from './routing.js';
import type { ValidationDetail } from './schemas.js';
import { SYNCHRONOUS_EVENT } from './senders/campus.js';
import { validateEvent } from './validate.js';

/** What ingest needs besides the body, and what the job keeps of the delivery. */
export interface IngestMeta {
  /** When the receiver got the webhook (ISO 8601). */
  receivedAt: string;
  /** The non-secret headers kept with the job (keptHeaders); the website's `webhook-id` is read from them. */
  headers: Record<string, string>;
  /** A queued job's event key: the worker runtime checks the body again but does not re-derive its key. */
  eventKey?: string;
}

/** What became of one body: why it cannot be processed, or where it goes. */
export type IngestResult =
  | {
      outcome: 'invalid_json';
      /** `The body is not valid JSON: …`, for the sender. */
      message: string;
      /** What is wrong and where (`unexpected character at position 7`); never a quote of the body. */
      parseError: string;
      details: ValidationDetail[];
    }
  | { outcome: 'invalid_payload'; details: ValidationDetail[] }
  /** Answered live by the receiver (form.login.magic_code.verify), never queued. */
  | { outcome: 'synchronous'; event: InboundEvent }
  | {
      outcome: 'routed';
      event: InboundEvent;
      eventKey: string;
      /** Empty for an event routed nowhere: it is still recorded under its key. */
      queues: DomainQueue[];
      /** The job for each of those queues. */
      job: EventJobData;
    };

/**
 * Validation of a parsed body that cannot throw: whatever a body makes the
 * validator do (a key like `__proto__`, a shape no schema foresaw) ends as
 * invalid, so the receiver answers 4xx and quarantines it instead of a 500
 * the sender would retry forever.
 */
function validateSafely(
  source: Source,
  body: unknown,
  context: ValidationContext,
): EventValidation {
  try {
    return validateEvent(source, body, context);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return {
      ok: false,
      details: [
        {
          path: '/',
          message: `could not be validated (${name}): quarantined for a person to look at`,
        },
      ],
    };
  }
}

/**
 * One delivered body, as the receiver, the quarantine replay, the worker
 * runtime and tests see it: depth limit ▸ parse ▸ validate (envelope,
 * catalog, schema) ▸ event key (from the source text) ▸ the synchronous
 * check ▸ route.
 */
export function ingest(source: Source, text: string, meta: IngestMeta): IngestResult {
  const scan = scanJsonText(text, MAX_JSON_DEPTH);
  if (scan.tooDeep) {
    const details = [{ path: '/', message: `nests deeper than ${MAX_JSON_DEPTH} levels` }];
    return { outcome: 'invalid_payload', details };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the body; this one names a position only.
    const parseError = describeJsonError(text);
    const message = `The body is not valid JSON: ${parseError}.`;
    return { outcome: 'invalid_json', message, parseError, details: [{ path: '/', message }] };
  }
  // Event keys come from the text only where the parsed numbers would lose
  // the sender's digits; otherwise the parsed body gives the same key, faster.
  const sourceText = scan.numbersAsParsed ? undefined : text;
  const validation = validateSafely(source, body, {
    sourceText,
    webhookId: meta.headers['webhook-id'],
    eventKey: meta.eventKey,
  });
  if (!validation.ok) return { outcome: 'invalid_payload', details: validation.details };
  const event = validation.event;
  if (event.source === 'campus' && event.eventType === SYNCHRONOUS_EVENT) {
    return { outcome: 'synchronous', event };
  }
  return {
    outcome: 'routed',
    event,
    eventKey: event.eventKey,
    queues: routeEvent(event),
    job: toEventJob(event, text, meta.receivedAt, meta.headers),
  };
}
