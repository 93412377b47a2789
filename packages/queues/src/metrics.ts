import { Gauge, type Registry } from 'prom-client';
import type { Queue } from 'bullmq';

const STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
  'paused',
  'prioritized',
] as const;

/** `campus_queue_jobs{queue,state}`, read from Redis at every scrape. */
export function registerQueueDepthMetrics(registry: Registry, queues: readonly Queue[]): void {
  new Gauge({
    name: 'campus_queue_jobs',
    help: 'Jobs per queue and state, read from Redis at scrape time.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts(...STATES)));
      queues.forEach((queue, i) => {
        for (const state of STATES) this.set({ queue: queue.name, state }, counts[i]?.[state] ?? 0);
      });
    },
  });
}
