/**
 * Drains the benchmark's invoice-sync queue in a process of its own and
 * reports (IPC) how long it took: either a raw BullMQ Worker with a no-op
 * processor, or our runtime (startWorker: job validation through ingest,
 * context, metrics, retry policy, limiter, logger) with a definition whose
 * handlers do nothing. Both with concurrency 50; the clock starts before the
 * worker is created and stops when the queue's completed and failed sets
 * hold every job (polled every 20 ms from a connection of its own: the
 * runtime's worker may finish jobs before startWorker returns).
 *
 * Usage: worker-drain.ts raw|runtime|runtime-once <redis url> <jobs>
 * (`runtime-once`: each handler records one outcome with ctx.once, as a
 * handler with a side effect does; for the memory measurement.)
 */
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { WorkerConfig } from '@campus/config';
import { createLogger } from '@campus/logger';
import {
  createWorkerMetrics,
  defineWorker,
  startWorker,
  type JobContext,
  type RunningWorker,
} from '@campus/queues';

const [mode = 'raw', redisUrl = '', count = '0'] = process.argv.slice(2);
const expected = Number(count);
export const CONCURRENCY = 50;

const settings: WorkerConfig = {
  concurrency: CONCURRENCY,
  lockMs: 30_000,
  stalledIntervalMs: 30_000,
  shutdownGraceMs: 5_000,
  metricsPort: 0,
};

const handler =
  mode === 'runtime-once'
    ? async (_body: unknown, ctx: JobContext) => ctx.once('bench', async () => ({ ok: true }))
    : async () => null;

/** invoice-sync's events, every handler a no-op (no limiter: the runtime's own never binds). */
const definition = defineWorker({
  queue: 'invoice-sync',
  events: {
    'fakturia.INVOICE_CREATED': handler,
    'fakturia.INVOICECORRECTION_CREATED': handler,
    'fakturia.INVOICE_PAYMENT_RECEIVED': handler,
    'plenigo.INVOICE/CREATION': handler,
    'plenigo.INVOICE_CORRECTION/CREATION': handler,
    'plenigo.INVOICE_CANCELLATION/CREATION': handler,
    'paypal.PAYMENT.SALE.COMPLETED': handler,
    'paypal.PAYMENT.SALE.REFUNDED': handler,
    'paypal.PAYMENT.SALE.REVERSED': handler,
    'campus.form.ebook.kauf.submit': handler,
  },
  confirmPaypalEvents: 'off',
});

const watcher = new Redis(redisUrl, { maxRetriesPerRequest: null });
let completed = 0;
let failed = 0;
const finished = new Promise<void>((resolve) => {
  const poll = async () => {
    [completed, failed] = await Promise.all([
      watcher.zcard('bench:invoice-sync:completed'),
      watcher.zcard('bench:invoice-sync:failed'),
    ]);
    if (completed + failed >= expected) resolve();
    else setTimeout(() => void poll(), 20);
  };
  void poll();
});

const started = performance.now();
let close: () => Promise<void>;
if (mode === 'raw') {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker('invoice-sync', async () => null, {
    connection,
    prefix: 'bench',
    concurrency: CONCURRENCY,
  });
  close = async () => {
    await worker.close();
    await connection.quit();
  };
} else {
  // Production's level (info: a `job done` line per job), written to /dev/null.
  const logger = createLogger({ name: 'worker-bench', level: 'info' });
  const running: RunningWorker = await startWorker(definition, {
    redis: redisUrl,
    prefix: 'bench',
    logger,
    settings,
    retention: { keepCompletedDays: 7, keepFailedDays: 30 },
    metrics: createWorkerMetrics(),
  });
  close = () => running.close(1_000);
}
await finished;
const ms = performance.now() - started;
await close();
await watcher.quit();
process.send?.({ ms, completed, failed });
process.disconnect?.();
