import { UnrecoverableError } from 'bullmq';
import {
  compileSchema,
  ingest,
  isSource,
  SOURCES,
  toDetails,
  type EventJobData,
} from '@campus/events';

const EVENT_JOB_SCHEMA = {
  type: 'object',
  required: ['source', 'eventType', 'eventKey', 'rawBody', 'receivedAt', 'headers'],
  properties: {
    source: { enum: SOURCES },
    eventType: { type: 'string', minLength: 1 },
    eventKey: { type: 'string', minLength: 1 },
    rawBody: { type: 'string' },
    receivedAt: { type: 'string' },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    senderRetryCount: { type: ['integer', 'null'] },
  },
};

function describe(details: { path: string; message: string }[]): string {
  return details.map((d) => `${d.path} ${d.message}`).join('; ');
}

/**
 * Checks a routed job before its handler runs: the job's own shape, then the
 * event it carries, through the same ingest the receiver applied. A job that
 * fails is not retried: no retry can make it valid.
 */
export function parseEventJob(data: unknown): { job: EventJobData; body: unknown } {
  const validate = compileSchema('job:event', EVENT_JOB_SCHEMA);
  if (!validate(data)) {
    throw new UnrecoverableError(`Invalid job data: ${describe(toDetails(validate.errors))}`);
  }
  const job = data as EventJobData;
  if (!isSource(job.source)) throw new UnrecoverableError(`Unknown source ${job.source}`);
  const ingested = ingest(job.source, job.rawBody, {
    receivedAt: job.receivedAt,
    headers: job.headers,
    eventKey: job.eventKey,
  });
  if (ingested.outcome === 'invalid_json') {
    throw new UnrecoverableError(`The job's rawBody is not JSON: ${ingested.parseError}`);
  }
  if (ingested.outcome === 'invalid_payload') {
    throw new UnrecoverableError(`Invalid ${job.eventType} event: ${describe(ingested.details)}`);
  }
  return { job, body: ingested.event.body };
}

/** Checks an internal job's data against its schema. */
export function parseInternalJob(name: string, schema: object, data: unknown): unknown {
  const validate = compileSchema(`job:internal:${name}`, schema);
  if (!validate(data)) {
    throw new UnrecoverableError(`Invalid ${name} job: ${describe(toDetails(validate.errors))}`);
  }
  return data;
}
