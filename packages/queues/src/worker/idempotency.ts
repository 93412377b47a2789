import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../connection.js';

// Deletes the claim only if it is still ours (it may have expired and been taken).
const RELEASE_CLAIM = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface RunOnceOptions {
  /** How long the outcome is remembered. */
  ttlSeconds: number;
  /**
   * How long a claim on the step holds while its effect runs: the worker's
   * lock duration, so a crashed holder blocks a retry no longer than BullMQ's
   * own lock does.
   */
  leaseMs: number;
  pollMs?: number;
}

/**
 * Runs a side effect once per key: the outcome is recorded, and a retry after
 * a timeout or a crash returns the recorded outcome. While the effect runs the
 * step is claimed, so a second attempt running at the same moment (a stalled
 * job taken over while its first worker still works) waits for the outcome
 * instead of doing the effect again. The window between the effect and the
 * record (a crash in between) is closed by the upstream's own idempotency where
 * it has one (PayPal-Request-Id, a deterministic Message-ID, a lookup before a
 * create).
 */
export async function runOnce<T>(
  redis: RedisClient,
  key: string,
  options: RunOnceOptions,
  effect: () => Promise<T>,
): Promise<T> {
  const claimKey = `${key}:claim`;
  const token = randomUUID();
  const deadline = Date.now() + options.leaseMs * 2;
  for (;;) {
    const recorded = await redis.get(key);
    if (recorded !== null) return (JSON.parse(recorded) as { value: T }).value;
    if ((await redis.set(claimKey, token, 'PX', options.leaseMs, 'NX')) === 'OK') break;
    if (Date.now() > deadline) {
      throw new Error(`Step ${key} is still claimed by another attempt; retrying later.`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
  try {
    const value = await effect();
    await redis.set(key, JSON.stringify({ value: value ?? null }), 'EX', options.ttlSeconds);
    return value;
  } finally {
    await redis.eval(RELEASE_CLAIM, 1, claimKey, token).catch(() => undefined);
  }
}
