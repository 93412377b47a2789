import { UnrecoverableError, type Job } from 'bullmq';
import type { RedisClient } from '@campus/queues';
import { decodeQuarantinedBody, ingest, type QuarantineJobData } from '@campus/events';
import { acceptEvent, quarantineJobId, type QueueSet } from '@campus/queues';
import { replayRefusal, unconfirmedRefusal } from './replay-policy.js';

export interface ReplayResult {
  replayedAs?: string;
  queues?: string[];
  status: 'accepted' | 'duplicate' | 'not_replayable';
  note?: string;
  /** False when an operator edited the body after it arrived. */
  asDelivered?: boolean;
}

/**
 * Processes the quarantine queue: each payload is ingested and routed again,
 * exactly as the receiver would. The first pass runs right after the receiver
 * kept it and fails with the reason, so every quarantined payload sits among
 * the failed jobs; an operator fixes the cause (code, or the job's data in Bull
 * Board) and presses Retry, which replays it — or fails again with the new
 * reason. The payload was authenticated when it arrived; an edited one is
 * the operator's, and a payment is replayed only as delivered (replay-policy.ts). A
 * money-moving PayPal event queued again is confirmed with PayPal by the
 * worker before it acts; one a worker quarantined because PayPal did not
 * confirm it waits for an operator's retry.
 */
export function createQuarantineReplay(
  redis: RedisClient,
  queues: QueueSet,
  rememberSeconds: number,
) {
  return async function replay(job: Job<QuarantineJobData>): Promise<ReplayResult> {
    const data = job.data;
    // BullMQ counts the failed pass; an operator's retry keeps the count (Bull Board's retry does not reset it).
    if (data.reason === 'unconfirmed' && job.attemptsMade === 0) {
      throw new UnrecoverableError(unconfirmedRefusal(data));
    }
    const text = decodeQuarantinedBody(data.rawBody);
    if (text === undefined) {
      throw new UnrecoverableError(
        'Still invalid: the body is not valid UTF-8. Fix the job data and retry.',
      );
    }
    const ingested = ingest(data.source, text, {
      receivedAt: data.receivedAt,
      headers: data.headers,
    });
    if (ingested.outcome === 'invalid_json') {
      throw new UnrecoverableError(
        `Still not valid JSON: ${ingested.parseError}. Fix rawBody in the job data and retry.`,
      );
    }
    if (ingested.outcome === 'invalid_payload') {
      const details = ingested.details.map((d) => `${d.path} ${d.message}`).join('; ');
      throw new UnrecoverableError(
        `Still invalid: ${details}. Fix rawBody in the job data and retry.`,
      );
    }
    if (ingested.outcome === 'synchronous') {
      return {
        status: 'not_replayable',
        note: 'A magic-code verification is answered live; it cannot be replayed.',
      };
    }
    const asDelivered = job.id === quarantineJobId(data.source, data.rawBody);
    const refusal = replayRefusal(ingested.event, asDelivered);
    if (refusal) throw new UnrecoverableError(refusal);
    const outcome = await acceptEvent(
      redis,
      queues,
      ingested.job,
      ingested.queues,
      rememberSeconds,
    );
    return outcome.status === 'duplicate'
      ? { status: 'duplicate', replayedAs: outcome.eventKey, asDelivered }
      : { status: 'accepted', replayedAs: outcome.eventKey, queues: outcome.queues, asDelivered };
  };
}
