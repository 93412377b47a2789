import type { Redis } from 'ioredis';

/**
 * Records the outcome of a side effect under a key, so that the same step of
 * the same job runs once: a retry after a timeout or a crash reads the
 * recorded outcome. The window between the effect and the record (a crash in
 * between) is closed by the upstream's own idempotency where it has one
 * (PayPal-Request-Id, a deterministic Message-ID, a lookup before a create).
 */
export async function runOnce<T>(
  redis: Redis,
  key: string,
  ttlSeconds: number,
  effect: () => Promise<T>,
): Promise<T> {
  const recorded = await redis.get(key);
  if (recorded !== null) return (JSON.parse(recorded) as { value: T }).value;
  const value = await effect();
  await redis.set(key, JSON.stringify({ value: value ?? null }), 'EX', ttlSeconds);
  return value;
}
