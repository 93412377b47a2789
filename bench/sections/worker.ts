/** The worker runtime against a raw BullMQ worker with a no-op processor, on the same event jobs. */
import { Queue } from 'bullmq';
import { defaultJobOptions } from '@campus/queues';
import { sleep, startNode } from '../lib/processes.js';
import { callsPer, fmt, heading, median, say, table, type Goal } from '../lib/report.js';
import type { BenchSettings } from '../lib/settings.js';
import { freshRedis, type RedisAdmin } from '../lib/targets.js';
import { bodyId, eventJobOf, freshSalt, type Workload } from '../workload.js';
import type { EventJobData } from '@campus/events';

export const RETENTION = { keepCompletedDays: 7, keepFailedDays: 30 };

/** Puts the jobs into bench:invoice-sync as the receiver does (job id = event key, default job options). */
export async function enqueueEventJobs(redisUrl: string, jobs: EventJobData[]): Promise<void> {
  const queue = new Queue('invoice-sync', {
    connection: { url: redisUrl },
    prefix: 'bench',
    defaultJobOptions: defaultJobOptions(RETENTION),
  });
  for (let i = 0; i < jobs.length; i += 1_000) {
    await queue.addBulk(
      jobs.slice(i, i + 1_000).map((data) => ({
        name: `${data.source}.${data.eventType}`,
        data,
        opts: { jobId: data.eventKey },
      })),
    );
  }
  await queue.close();
}

export interface Drain {
  ms: number;
  completed: number;
  failed: number;
}

/** Runs bench/targets/worker-drain.ts until the queue is drained. */
export async function drain(
  mode: string,
  redisUrl: string,
  jobs: number,
  nodeOptions: string[] = [],
): Promise<Drain> {
  const child = startNode('bench/targets/worker-drain.ts', [mode, redisUrl, String(jobs)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    nodeOptions,
    // The runtime as production runs it: packages/queues/dist, not its source through tsx.
    builtPackages: true,
  });
  let result: Drain | undefined;
  child.child.on('message', (message) => (result = message as Drain));
  const code = await child.exited;
  if (!result) throw new Error(`worker-drain ${mode} exited (${code}) without a result`);
  return result;
}

const VARIANTS = [
  { mode: 'raw', label: 'raw BullMQ Worker, no-op processor' },
  { mode: 'runtime', label: 'our runtime (startWorker), no-op handler' },
] as const;

interface Round extends Drain {
  jobsPerSec: number;
  calls: Map<string, number>;
}

async function drainOnce(
  admin: RedisAdmin,
  url: string,
  jobs: EventJobData[],
  mode: string,
): Promise<Round> {
  await admin.flush();
  await enqueueEventJobs(url, jobs);
  await sleep(300);
  await admin.resetStats();
  const result = await drain(mode, url, jobs.length);
  const calls = await admin.commandCalls();
  return { ...result, jobsPerSec: (result.completed / result.ms) * 1000, calls };
}

export async function benchWorker(settings: BenchSettings, workload: Workload): Promise<Goal[]> {
  heading('Worker runtime vs raw BullMQ worker');
  const n = settings.workerJobs;
  say(
    `Preparing ${fmt(n)} event jobs (ingest of unique Fakturia invoices, as the receiver makes them)…`,
  );
  const salt = freshSalt();
  const jobs = Array.from({ length: n }, (_, i) => eventJobOf(workload, bodyId(salt, 0, i)));
  const { url, admin } = await freshRedis('single');
  const rounds = new Map<string, Round[]>(VARIANTS.map((v) => [v.mode, []]));
  for (const variant of VARIANTS) {
    say(`Warm-up: ${variant.label}, ${fmt(Math.min(n, 2_000))} jobs…`);
    await drainOnce(admin, url, jobs.slice(0, Math.min(n, 2_000)), variant.mode);
  }
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
    for (const variant of order) {
      say(
        `Round ${round + 1}/${settings.rounds}: ${variant.label}, ${fmt(n)} jobs, concurrency 50, its own process…`,
      );
      const result = await drainOnce(admin, url, jobs, variant.mode);
      say(
        `  ${fmt(result.jobsPerSec)} jobs/s (${fmt(result.ms / 1000, 2)} s)${result.failed > 0 ? `, ${result.failed} FAILED` : ''}`,
      );
      rounds.get(variant.mode)!.push(result);
    }
  }
  const summary = VARIANTS.map((v) => {
    const runs = rounds.get(v.mode)!;
    const sorted = [...runs].sort((a, b) => a.jobsPerSec - b.jobsPerSec);
    return {
      ...v,
      jobsPerSec: median(runs.map((r) => r.jobsPerSec)),
      failed: runs.reduce((sum, r) => sum + r.failed, 0),
      medianRun: sorted[Math.floor((sorted.length - 1) / 2)]!,
    };
  });
  say();
  say(
    `Median of ${settings.rounds} rounds each (${fmt(n)} jobs, concurrency 50, one redis-server, AOF on):`,
  );
  table(
    ['worker', 'jobs/s', 'failed'],
    summary.map((s) => [s.label, fmt(s.jobsPerSec), s.failed]),
  );
  say();
  say('Redis commands per job (INFO commandstats of the median round ÷ its jobs):');
  for (const s of summary)
    say(
      `  ${s.label}: ${callsPer(s.medianRun.calls, s.medianRun.completed, ['zcard', 'info', 'config|resetstat', 'client|setinfo', 'ping'])}`,
    );
  say('  (zcard: the drain watcher; left out)');
  const [raw, ours] = summary as [(typeof summary)[0], (typeof summary)[0]];
  const ratio = ours.jobsPerSec / raw.jobsPerSec;
  return [
    {
      what: 'worker runtime ÷ raw BullMQ worker (jobs/s)',
      value: `${fmt(ratio, 2)}×`,
      goal: '≥ 0.9×',
      met: ratio >= 0.9,
    },
    {
      what: 'worker runtime: failed jobs',
      value: String(ours.failed),
      goal: '0',
      met: ours.failed === 0 && raw.failed === 0,
    },
  ];
}
