import type { RedisClient } from '@campus/queues';
import { readSourceStats, type QueueSet } from '@campus/queues';

export interface QueueHealth {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: boolean;
  /** When a rate limit (upstream 429 or quota) lifts; undefined when none is in force. */
  rateLimitedUntil: string | undefined;
}

export interface Health {
  queues: QueueHealth[];
  sources: Record<string, Record<string, number>>;
  generatedAt: string;
}

/** Everything the health page shows, read from Redis in one go. */
export async function readHealth(
  redis: RedisClient,
  queues: QueueSet,
  now = Date.now(),
): Promise<Health> {
  const list = await Promise.all(
    queues.all().map(async (queue) => {
      const [counts, ttl, paused] = await Promise.all([
        queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'),
        queue.getRateLimitTtl(),
        queue.isPaused(),
      ]);
      return {
        name: queue.name,
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
        completed: counts.completed ?? 0,
        paused,
        rateLimitedUntil: ttl > 0 ? new Date(now + ttl).toISOString() : undefined,
      };
    }),
  );
  return {
    queues: list,
    sources: await readSourceStats(redis, queues.prefix),
    generatedAt: new Date(now).toISOString(),
  };
}
