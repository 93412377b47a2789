import { UnrecoverableError } from 'bullmq';
import {
  compileSchema,
  isSource,
  SOURCES,
  toDetails,
  validateEvent,
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
 * event it carries, with the same validation the receiver applied. A job that
 * fails is not retried: no retry can make it valid.
 */
export function parseEventJob(data: unknown): { job: EventJobData; body: unknown } {
  const validate = compileSchema('job:event', EVENT_JOB_SCHEMA);
  if (!validate(data)) {
    throw new UnrecoverableError(`Invalid job data: ${describe(toDetails(validate.errors))}`);
  }
  const job = data as EventJobData;
  if (!isSource(job.source)) throw new UnrecoverableError(`Unknown source ${job.source}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(job.rawBody);
  } catch (error) {
    throw new UnrecoverableError(`The job's rawBody is not JSON: ${(error as Error).message}`);
  }
  const result = validateEvent(job.source, parsed, { webhookId: job.headers['webhook-id'] });
  if (!result.ok)
    throw new UnrecoverableError(`Invalid ${job.eventType} event: ${describe(result.details)}`);
  return { job, body: result.event.body };
}

/** Checks an internal job's data against its schema. */
export function parseInternalJob(name: string, schema: object, data: unknown): unknown {
  const validate = compileSchema(`job:internal:${name}`, schema);
  if (!validate(data)) {
    throw new UnrecoverableError(`Invalid ${name} job: ${describe(toDetails(validate.errors))}`);
  }
  return data;
}
