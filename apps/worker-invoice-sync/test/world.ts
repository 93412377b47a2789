import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig } from '@campus/config';
import type { EventJobData, Source } from '@campus/events';
import { createLogger } from '@campus/logger';
import {
  createProducerConnection,
  startWorker,
  waitUntilReady,
  type RunningWorker,
} from '@campus/queues';
import { startSandbox, type RecordedRequest, type RunningSandbox } from '@campus/sandbox';
import type { TestRedis } from '@campus/testing';
import { createInvoiceSyncDeps } from '../src/deps.js';
import { createInvoiceSyncWorker } from '../src/worker.js';

/** What the sandbox keeps of a voucher: its type (from the endpoint) and the body it received. */
export interface StoredVoucher {
  id: string;
  voucherType: 'invoice' | 'creditnote';
  request: Record<string, unknown>;
}

export interface SettledJob {
  state: 'completed' | 'failed';
  failedReason: string | undefined;
  returnvalue: unknown;
  attemptsMade: number;
}

const config = loadConfig(['queues', 'worker', 'catalog'], {});
const logger = createLogger({ name: 'invoice-sync-test', level: 'silent' });

/**
 * A test's world: its own key prefix in the file's Redis, a sandbox whose
 * Lexoffice the workers call over HTTP, and the invoice-sync queue as the
 * receiver fills it.
 */
export async function startHarness(redis: TestRedis) {
  const prefix = `is${Math.random().toString(36).slice(2, 8)}`;
  const sandbox: RunningSandbox = await startSandbox({ logger, port: 0, smtpPort: 0 });
  const inspect: Redis = createProducerConnection(redis.url, { enableOfflineQueue: true });
  await waitUntilReady(inspect, 5_000);
  const queue = new Queue('invoice-sync', { connection: inspect, prefix, skipVersionCheck: true });
  const workers: RunningWorker[] = [];

  async function control<T = unknown>(method: string, path: string, payload?: unknown) {
    const response = await fetch(`${sandbox.url}/_control${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    if (!response.ok) throw new Error(`control ${method} ${path} answered ${response.status}`);
    return (await response.json()) as T;
  }

  return {
    prefix,
    sandbox,
    inspect,
    queue,
    control,
    /** A worker process of this domain (call it again for more), talking to `lexofficeUrl`. */
    async startWorker(options: { timeoutMs?: number; lexofficeUrl?: string } = {}) {
      const deps = createInvoiceSyncDeps(inspect, prefix, {
        lexoffice: {
          apiUrl: options.lexofficeUrl ?? `${sandbox.url}/lexoffice`,
          apiKey: 'sandbox-lexoffice-key',
          timeoutMs: options.timeoutMs ?? 10_000,
        },
        requestsPerSecond: 2,
        products: config.catalog.products,
        markerTtlSeconds: 3_600,
      });
      const running = await startWorker(createInvoiceSyncWorker(deps), {
        redisUrl: redis.url,
        prefix,
        logger,
        settings: { ...config.worker, concurrency: 4 },
        retention: config.queues,
      });
      workers.push(running);
      return running;
    },
    /** Queues an event as the receiver does (job id = event key), with test-sized retries. */
    async queueEvent(
      source: Source,
      eventType: string,
      rawBody: string,
      options: { attempts?: number; backoffMs?: number; receivedAt?: string } = {},
    ): Promise<string> {
      const eventKey = `${source}.t${Math.random().toString(16).slice(2)}`;
      const job: EventJobData = {
        source,
        eventType,
        eventKey,
        rawBody,
        receivedAt: options.receivedAt ?? new Date().toISOString(),
        headers: source === 'campus' ? { 'webhook-id': eventKey.slice(7) } : {},
        senderRetryCount: source === 'fakturia' ? 0 : null,
      };
      await queue.add(`${source}.${eventType}`, job, {
        jobId: eventKey,
        attempts: options.attempts ?? 3,
        backoff: { type: 'fixed', delay: options.backoffMs ?? 100 },
      });
      return eventKey;
    },
    /** Polls until the job is completed or failed for good. */
    async settled(jobId: string, timeoutMs = 20_000): Promise<SettledJob> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // State first: a job read before it finished would lack its result.
        const state = await queue.getJobState(jobId);
        const job: Job | undefined =
          state === 'completed' || state === 'failed' ? await queue.getJob(jobId) : undefined;
        if (job && (state === 'completed' || state === 'failed')) {
          return {
            state,
            failedReason: job.failedReason || undefined,
            returnvalue: job.returnvalue,
            attemptsMade: job.attemptsMade,
          };
        }
        if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${state}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    vouchers: () => control<StoredVoucher[]>('GET', '/lexoffice/vouchers'),
    requests: () => control<RecordedRequest[]>('GET', '/lexoffice/requests'),
    async stopWorkers() {
      await Promise.all(workers.splice(0).map((w) => w.close(2_000)));
    },
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.close(2_000)));
      await queue.close();
      await sandbox.close();
      inspect.disconnect();
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;
