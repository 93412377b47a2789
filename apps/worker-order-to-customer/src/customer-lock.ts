import { randomUUID } from 'node:crypto';
import type { Redis } from './redis.js';

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Another job holds the customer past the wait: retried with backoff like any passing failure. */
export class CustomerBusyError extends Error {
  override name = 'CustomerBusyError';
}

export interface CustomerLockOptions {
  /** Longest a holder may keep the lock if it dies (default 2 min). */
  ttlMs?: number;
  /** How long a job waits for the lock before it gives up for this attempt (default 30 s). */
  waitMs?: number;
}

/**
 * One job at a time per customer, across processes: two events about the
 * same new customer (CUSTOMER_CREATED and ORDER_PROCESSED arrive together)
 * must not both create a ProSonata address.
 */
export function createCustomerLocks(
  redis: Redis,
  prefix: string,
  options: CustomerLockOptions = {},
) {
  const ttlMs = options.ttlMs ?? 120_000;
  const waitMs = options.waitMs ?? 30_000;

  return {
    async withLock<T>(tag: string, work: () => Promise<T>): Promise<T> {
      const key = `${prefix}:prosonata:lock:${tag}`;
      const token = randomUUID();
      const deadline = Date.now() + waitMs;
      while ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
        if (Date.now() > deadline) {
          throw new CustomerBusyError(
            `customer ${tag} is still being written by another job after ${waitMs} ms; this job will retry`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      try {
        return await work();
      } finally {
        await redis.eval(RELEASE, 1, key, token);
      }
    },
  };
}

export type CustomerLocks = ReturnType<typeof createCustomerLocks>;
