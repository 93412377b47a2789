import { randomBytes } from 'node:crypto';
import {
  campusEventKey,
  ingest,
  jobNameOf,
  type DomainQueue,
  type EventJobData,
  type IngestMeta,
  type Source,
} from '@campus/events';
import { readFixture } from '@campus/testing';

/** A test-sized retry schedule: the production backoff starts at 10 s. */
export interface Retries {
  attempts: number;
  /** Fixed wait between attempts. */
  backoffMs: number;
}

/** What a delivery may set besides its body. */
export interface DeliveryOptions {
  /** The website's Standard Webhooks `webhook-id` (its event key); default a fresh `msg_…` per delivery. */
  webhookId?: string;
  /** When the receiver got it (ISO 8601); default now. */
  receivedAt?: string;
  /** More of the headers the receiver keeps with the job. */
  headers?: Record<string, string>;
  /** This job's retries instead of the world's. */
  retries?: Retries;
  /**
   * PayPal only: PayPal's own copy of the event, which its stand-in serves to
   * the workers' confirmation (`GET /v1/notifications/webhooks-events/{id}`).
   * Default the body delivered (PayPal sent it); another body for a delivery
   * that was changed on the way; `false` for one PayPal never sent.
   */
  paypalCopy?: FixtureOrBody | false;
}

/** A fixture's path (`'fakturia/DUNNING_CREATED.json'`), a body's exact text (`'{…}'`), or a body as an object. */
export type FixtureOrBody = string | object;

/** A delivery the receiver would not queue for the world's domain. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** The job a routed event becomes: its name and data exactly as the receiver queues them. */
export interface ReceiverJob {
  name: string;
  data: EventJobData;
  /** Every queue the event is routed to. */
  queues: DomainQueue[];
}

/** The text the sender posts. */
export function bodyText(fixtureOrBody: FixtureOrBody): string {
  if (typeof fixtureOrBody !== 'string') return JSON.stringify(fixtureOrBody);
  return fixtureOrBody.trimStart().startsWith('{') ? fixtureOrBody : readFixture(fixtureOrBody);
}

/** What the receiver keeps of the request: when it came and its non-secret headers. */
export function deliveryMeta(source: Source, options: DeliveryOptions): IngestMeta {
  const webhookId =
    options.webhookId ??
    (source === 'campus' ? `msg_${randomBytes(8).toString('hex')}` : undefined);
  return {
    receivedAt: options.receivedAt ?? new Date().toISOString(),
    headers: {
      'content-type': 'application/json',
      ...(webhookId === undefined ? {} : { 'webhook-id': webhookId }),
      ...options.headers,
    },
  };
}

const describeDetails = (details: { path: string; message: string }[]) =>
  details.map((d) => `${d.path} ${d.message}`).join('; ');

/**
 * The receiver's `ingest` for one body: the job it queues, or a DeliveryError
 * saying why the receiver would quarantine it, answer it live, or route it
 * away from `queue`.
 */
export function receiverJob(
  queue: DomainQueue,
  source: Source,
  fixtureOrBody: FixtureOrBody,
  options: DeliveryOptions = {},
): ReceiverJob {
  const ingested = ingest(source, bodyText(fixtureOrBody), deliveryMeta(source, options));
  if (ingested.outcome === 'invalid_json' || ingested.outcome === 'invalid_payload') {
    throw new DeliveryError(
      `The receiver would quarantine this ${source} body (${ingested.outcome}: ${describeDetails(ingested.details)}); ` +
        'fix the test body, or use queueInvalid to show how the worker handles an invalid job',
    );
  }
  if (ingested.outcome === 'synchronous') {
    throw new DeliveryError(
      `The receiver answers ${ingested.event.eventType} itself and queues nothing`,
    );
  }
  const name = jobNameOf(source, ingested.event.eventType);
  if (!ingested.queues.includes(queue)) {
    throw new DeliveryError(
      `${name} is routed to ${ingested.queues.join(', ') || 'no queue'}, not to ${queue}; ` +
        'check the body against ROUTES in packages/events/src/routing.ts',
    );
  }
  return { name, data: ingested.job, queues: ingested.queues };
}

/**
 * A job the receiver would never queue, because its body fails validation: the
 * receiver's job shape around it, for a test that shows the worker fails it
 * with a readable reason. Throws when the body is valid (deliver that instead).
 */
export function invalidJob(
  source: Source,
  eventType: string,
  fixtureOrBody: FixtureOrBody,
  options: DeliveryOptions = {},
): { name: string; data: EventJobData } {
  const rawBody = bodyText(fixtureOrBody);
  const meta = deliveryMeta(source, options);
  const ingested = ingest(source, rawBody, meta);
  if (ingested.outcome !== 'invalid_payload' && ingested.outcome !== 'invalid_json') {
    throw new DeliveryError(
      `This ${source} body is valid (${ingested.outcome}); deliver it instead of queueInvalid`,
    );
  }
  const webhookId = meta.headers['webhook-id'];
  const eventKey =
    source === 'campus' && webhookId !== undefined
      ? campusEventKey(webhookId)
      : `${source}.invalid-${randomBytes(6).toString('hex')}`;
  return {
    name: jobNameOf(source, eventType),
    data: {
      source,
      eventType,
      eventKey,
      rawBody,
      receivedAt: meta.receivedAt,
      headers: meta.headers,
      senderRetryCount: source === 'fakturia' ? 0 : null,
    },
  };
}
