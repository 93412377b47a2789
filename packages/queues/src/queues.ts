import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DOMAIN_QUEUES, QUARANTINE_QUEUE, type DomainQueue } from '@campus/events';
import { defaultJobOptions, quarantineJobOptions, type RetentionSettings } from './job-options.js';

/** Every queue name the system uses: one per domain and the quarantine. */
export const QUEUE_NAMES = [...DOMAIN_QUEUES, QUARANTINE_QUEUE] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface QueueSet {
  prefix: string;
  domain: Record<DomainQueue, Queue>;
  quarantine: Queue;
  all(): Queue[];
  close(): Promise<void>;
}

/**
 * Producer-side Queue objects for every queue, sharing one connection. The
 * connection is the caller's: closing the set does not close it.
 */
export function createQueueSet(
  connection: Redis,
  prefix: string,
  retention: RetentionSettings,
): QueueSet {
  const options = { connection, prefix, skipVersionCheck: true };
  const domain = Object.fromEntries(
    DOMAIN_QUEUES.map((name) => [
      name,
      new Queue(name, { ...options, defaultJobOptions: defaultJobOptions(retention) }),
    ]),
  ) as Record<DomainQueue, Queue>;
  const quarantine = new Queue(QUARANTINE_QUEUE, {
    ...options,
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
