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
 * - The record (`SET NX`) and the add to each queue go to Redis together,
 *   one round trip: an add of a job id that exists changes nothing.
 * - New key → `accepted`.
 * - Known key: a queue whose job was missing (an earlier delivery died
 *   between the record and the add) got it now; a job that failed for good
 *   is retried (the sender's retry becomes ours); both give `accepted`.
 *   Otherwise `duplicate`.
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
  // One round trip for a new event: the record, and per queue whether its job
  // was there and the add (idempotent by job id), are issued in the same tick,
  // so auto-pipelining writes them together (on a cluster: per node, the
  // EXISTS ahead of the add on the queue's node). Every reply is awaited
  // before the caller answers 2xx.
  const [isNew, existed] = await Promise.all([
    // The record holds when the event first came: a few bytes, kept for
    // EVENT_KEY_TTL_DAYS per event (its routing is the jobs' names and queues).
    redis.set(
      eventRecordKey(queues.prefix, job.eventKey),
      job.receivedAt,
      'EX',
      rememberSeconds,
      'NX',
    ),
    Promise.all(
      targets.map((q) => {
        const queue = queues.domain[q];
        const exists = redis.exists(queue.toKey(job.eventKey));
        return Promise.all([exists, queue.add(name, job, { jobId: job.eventKey })]).then(
          ([count]) => count > 0,
        );
      }),
    ),
  ]);
  if (isNew === 'OK') {
    return { status: 'accepted', eventKey: job.eventKey, queues: [...targets], requeued: [] };
  }

  // A redelivery. A job that was missing (an earlier delivery died between
  // the record and the add, or retention removed it) was added just now; one
  // that failed for good is retried (the sender's retry becomes ours).
  const added = targets.filter((_, i) => !existed[i]);
  const requeued: DomainQueue[] = [];
  await Promise.all(
    targets.map(async (q, i) => {
      if (!existed[i]) return;
      const queue = queues.domain[q];
      if ((await queue.getJobState(job.eventKey)) !== 'failed') return;
      const failed = await queue.getJob(job.eventKey);
      await failed?.retry('failed');
      requeued.push(q);
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
