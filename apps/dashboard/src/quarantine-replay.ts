import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  decodeQuarantinedBody,
  routeEvent,
  toEventJob,
  SYNCHRONOUS_EVENT,
  validateEvent,
  type QuarantineJobData,
} from '@campus/events';
import { acceptEvent, type QueueSet } from '@campus/queues';

export interface ReplayResult {
  replayedAs?: string;
  queues?: string[];
  status: 'accepted' | 'duplicate' | 'not_replayable';
  note?: string;
}

/**
 * Processes the quarantine queue: each payload is validated and routed again,
 * exactly as the receiver would. The first pass runs right after the receiver
 * kept it and fails with the reason, so every quarantined payload sits among
 * the failed jobs; an operator fixes the cause (code, or the job's data in Bull
 * Board) and presses Retry, which replays it — or fails again with the new
 * reason. The payload was authenticated when it arrived.
 */
export function createQuarantineReplay(redis: Redis, queues: QueueSet, rememberSeconds: number) {
  return async function replay(job: Job<QuarantineJobData>): Promise<ReplayResult> {
    const data = job.data;
    const text = decodeQuarantinedBody(data.rawBody);
    if (text === undefined) {
      throw new UnrecoverableError(
        'Still invalid: the body is not valid UTF-8. Fix the job data and retry.',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new UnrecoverableError(
        `Still not valid JSON: ${(error as Error).message}. Fix rawBody in the job data and retry.`,
      );
    }
    const validation = validateEvent(data.source, body, { webhookId: data.headers['webhook-id'] });
    if (!validation.ok) {
      const details = validation.details.map((d) => `${d.path} ${d.message}`).join('; ');
      throw new UnrecoverableError(
        `Still invalid: ${details}. Fix rawBody in the job data and retry.`,
      );
    }
    const event = validation.event;
    if (event.source === 'campus' && event.eventType === SYNCHRONOUS_EVENT) {
      return {
        status: 'not_replayable',
        note: 'A magic-code verification is answered live; it cannot be replayed.',
      };
    }
    const eventJob = toEventJob(event, text, data.receivedAt, data.headers);
    const outcome = await acceptEvent(redis, queues, eventJob, routeEvent(event), rememberSeconds);
    return outcome.status === 'duplicate'
      ? { status: 'duplicate', replayedAs: outcome.eventKey }
      : { status: 'accepted', replayedAs: outcome.eventKey, queues: outcome.queues };
  };
}
