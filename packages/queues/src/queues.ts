import { Queue } from 'bullmq';
import { DOMAIN_QUEUES, QUARANTINE_QUEUE, type DomainQueue } from '@campus/events';
import type { RedisClient } from './connection.js';
import { defaultJobOptions, quarantineJobOptions, type RetentionSettings } from './job-options.js';
import { queuePrefix } from './key-layout.js';

/** Every queue name the system uses: one per domain and the quarantine. */
export const QUEUE_NAMES = [...DOMAIN_QUEUES, QUARANTINE_QUEUE] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface QueueSet {
  /** QUEUE_PREFIX: the start of every key (a queue's own keys: `queue.opts.prefix`). */
  prefix: string;
  domain: Record<DomainQueue, Queue>;
  quarantine: Queue;
  all(): Queue[];
  close(): Promise<void>;
}

/**
 * Producer-side Queue objects for every queue, sharing one connection. The
 * connection is the caller's: closing the set does not close it. On a Redis
 * Cluster each queue gets a hash slot of its own (key-layout.ts).
 */
export function createQueueSet(
  connection: RedisClient,
  prefix: string,
  retention: RetentionSettings,
): QueueSet {
  const options = (name: string) => ({
    connection,
    prefix: queuePrefix(prefix, name, connection),
    skipVersionCheck: true,
  });
  const domain = Object.fromEntries(
    DOMAIN_QUEUES.map((name) => [
      name,
      new Queue(name, { ...options(name), defaultJobOptions: defaultJobOptions(retention) }),
    ]),
  ) as Record<DomainQueue, Queue>;
  const quarantine = new Queue(QUARANTINE_QUEUE, {
    ...options(QUARANTINE_QUEUE),
    defaultJobOptions: quarantineJobOptions(retention),
  });
  const all = () => [...Object.values(domain), quarantine];
  return {
    prefix,
    domain,
    quarantine,
    all,
    async close() {
      await Promise.all(all().map((q) => q.close()));
    },
  };
}
