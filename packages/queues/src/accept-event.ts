import {
  sha256Hex,
  jobNameOf,
  type DomainQueue,
  type EventJobData,
  type QuarantineJobData,
} from '@campus/events';
import type { RedisClient } from './connection.js';
import { queueSlotKey, waitForReplicas } from './key-layout.js';
import type { QueueSet } from './queues.js';

export type AcceptOutcome =
  | { status: 'accepted'; eventKey: string; queues: DomainQueue[]; requeued: DomainQueue[] }
  | { status: 'duplicate'; eventKey: string };

/** Redis key under which an accepted event key is remembered. */
export function eventRecordKey(prefix: string, eventKey: string): string {
  return `${prefix}:events:${eventKey}`;
}

/**
 * Puts an event into every routed queue, exactly once per queue, however often
 * the sender delivers it. The job id is the event key, so an add is idempotent
 * per queue; a record of the key says whether this delivery is new.
 *
 * - New key: add to each queue (in parallel; pipelined), then `accepted`.
 * - Known key: look at each queue's job. Missing (an earlier delivery died
 *   between the record and the add) → add it now; failed for good → retry it
 *   (the sender's retry becomes ours); both give `accepted`. Otherwise
 *   `duplicate`.
 *
 * With `replicas`, every outcome (a duplicate too: the first delivery's adds
 * may not have reached a replica yet) waits until that many replicas of each
 * master involved hold the event (REDIS_MIN_REPLICA_ACKS), so that a failover
 * cannot lose what was acknowledged.
 *
 * Throws when Redis does not acknowledge; the caller answers 503 and the
 * sender's retry completes what is missing.
 */
export async function acceptEvent(
  redis: RedisClient,
  queues: QueueSet,
  job: EventJobData,
  targets: readonly DomainQueue[],
  rememberSeconds: number,
  options: { replicas?: { count: number; timeoutMs: number } } = {},
): Promise<AcceptOutcome> {
  const outcome = await addToQueues(redis, queues, job, targets, rememberSeconds);
  const replicas = options.replicas;
  if (replicas && replicas.count > 0) {
    const keys = [
      eventRecordKey(queues.prefix, job.eventKey),
      ...targets.map((q) => {
        const queue = queues.domain[q];
        return queueSlotKey(queue.opts.prefix ?? queues.prefix, queue.name, 'replicated');
      }),
    ];
    await Promise.all(
      keys.map((key) => waitForReplicas(redis, key, replicas.count, replicas.timeoutMs)),
    );
  }
  return outcome;
}

async function addToQueues(
  redis: RedisClient,
  queues: QueueSet,
  job: EventJobData,
  targets: readonly DomainQueue[],
  rememberSeconds: number,
): Promise<AcceptOutcome> {
  const name = jobNameOf(job.source, job.eventType);
  const record = JSON.stringify({ receivedAt: job.receivedAt, queues: targets });
  const isNew = await redis.set(
    eventRecordKey(queues.prefix, job.eventKey),
    record,
    'EX',
    rememberSeconds,
    'NX',
  );
  if (isNew === 'OK') {
    await Promise.all(targets.map((q) => queues.domain[q].add(name, job, { jobId: job.eventKey })));
    return { status: 'accepted', eventKey: job.eventKey, queues: [...targets], requeued: [] };
  }

  const added: DomainQueue[] = [];
  const requeued: DomainQueue[] = [];
  await Promise.all(
    targets.map(async (q) => {
      const queue = queues.domain[q];
      const state = await queue.getJobState(job.eventKey);
      if (state === 'unknown') {
        await queue.add(name, job, { jobId: job.eventKey });
        added.push(q);
      } else if (state === 'failed') {
        const existing = await queue.getJob(job.eventKey);
        await existing?.retry('failed');
        requeued.push(q);
      }
    }),
  );
  if (added.length === 0 && requeued.length === 0)
    return { status: 'duplicate', eventKey: job.eventKey };
  return { status: 'accepted', eventKey: job.eventKey, queues: [...targets], requeued };
}

/**
 * The quarantine job id of a delivery: its source and the hash of the bytes
 * the receiver got. A job id cannot be edited in the dashboard, so a replay
 * can tell whether the body is still the one that was authenticated.
 */
export function quarantineJobId(source: string, rawBody: string): string {
  return `q.${source}.${sha256Hex(rawBody)}`;
}

/**
 * Keeps a payload that could not be processed, with the reason: the
 * receiver's (invalid) and a worker's (PayPal did not confirm it). The same
 * bytes posted again land on the same quarantine job.
 */
export async function quarantinePayload(
  queues: Pick<QueueSet, 'quarantine'>,
  data: QuarantineJobData,
): Promise<string> {
  const jobId = quarantineJobId(data.source, data.rawBody);
  await queues.quarantine.add(`${data.source}.${data.reason}`, data, { jobId });
  return jobId;
}
