import type { RedisClient } from './connection.js';

const BUCKET_TTL_SECONDS = 2 * 60 * 60;

function minuteBucket(prefix: string, at: number): string {
  // One hash tag for every bucket: the health page reads an hour of them in one pipeline,
  // which a Redis Cluster serves only from one slot.
  return `${prefix}:{stats}:${Math.floor(at / 60_000)}`;
}

/**
 * Counts webhook outcomes per source for the dashboard's "last hour" view.
 * Counts are summed in memory and written every few seconds in one pipeline,
 * so the receiver's hot path pays a Map increment, not a Redis command.
 */
export function createStatsRecorder(
  redis: RedisClient,
  prefix: string,
  flushEveryMs = 5_000,
  now = Date.now,
) {
  let pending = new Map<string, number>();
  const flush = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    const key = minuteBucket(prefix, now());
    const pipeline = redis.pipeline();
    for (const [field, count] of batch) pipeline.hincrby(key, field, count);
    pipeline.expire(key, BUCKET_TTL_SECONDS);
    // Statistics are best effort: a lost flush must never cost a webhook.
    await pipeline.exec().catch(() => undefined);
  };
  const timer = setInterval(() => void flush(), flushEveryMs);
  timer.unref();
  return {
    count(source: string, outcome: string): void {
      const field = `${source}.${outcome}`;
      pending.set(field, (pending.get(field) ?? 0) + 1);
    },
    flush,
    async close(): Promise<void> {
      clearInterval(timer);
      await flush();
    },
  };
}
export type StatsRecorder = ReturnType<typeof createStatsRecorder>;

/** Outcomes per source over the last `minutes` minutes: `{ fakturia: { accepted: 12, duplicate: 1 } }`. */
export async function readSourceStats(
  redis: RedisClient,
  prefix: string,
  minutes = 60,
  now = Date.now(),
): Promise<Record<string, Record<string, number>>> {
  const pipeline = redis.pipeline();
  for (let i = 0; i < minutes; i++) pipeline.hgetall(minuteBucket(prefix, now - i * 60_000));
  const results = (await pipeline.exec()) ?? [];
  const totals: Record<string, Record<string, number>> = {};
  for (const [error, hash] of results) {
    if (error || !hash) continue;
    for (const [field, value] of Object.entries(hash as Record<string, string>)) {
      const [source = '?', outcome = '?'] = field.split('.', 2);
      totals[source] ??= {};
      totals[source][outcome] = (totals[source][outcome] ?? 0) + Number(value);
    }
  }
  return totals;
}
