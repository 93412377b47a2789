import { createProsonataClient, createProsonataQuota } from '@campus/clients';
import { loadConfig } from '@campus/config';
import { createCustomerDirectory, type CustomerDirectory } from '@campus/customer-directory';
import { jobNameOf, validateEvent, type EventJobData, type Source } from '@campus/events';
import { createLogger } from '@campus/logger';
import {
  createProducerConnection,
  createQueueSet,
  startWorker,
  waitUntilReady,
  type RunningWorker,
} from '@campus/queues';
import {
  startSandbox,
  type Address,
  type RecordedRequest,
  type RunningSandbox,
} from '@campus/sandbox';
import { startTestRedis, type TestRedis } from '@campus/testing';
import type { Redis } from '../src/redis.js';
import { createAddressSync } from '../src/address-sync.js';
import { createOrderToCustomerWorker } from '../src/worker.js';

const config = loadConfig(['queues', 'worker', 'prosonata'], {});
const logger = createLogger({ name: 'order-to-customer-test', level: 'silent' });
/** Key prefix of the tests' queues and records (QUEUE_PREFIX of a spawned app). */
export const PREFIX = 'otc';

export interface WorkerOptions {
  customerId?: number;
  timeoutMs?: number;
  concurrency?: number;
}

/**
 * Real Redis, the sandbox's ProSonata and the worker as one process of it
 * runs; events are queued the way the receiver queues them.
 */
export interface Harness {
  redisUrl: string;
  connection: Redis;
  sandbox: RunningSandbox;
  directory: CustomerDirectory;
  /** Starts one worker process's worth (own Redis connection, own client): call it twice for two. */
  start(options?: WorkerOptions): Promise<RunningWorker>;
  /** Queues a body (exact bytes) and returns its job id; `attempts` retries back off 200 ms. */
  deliver(
    source: Source,
    body: string,
    options?: { attempts?: number; webhookId?: string },
  ): Promise<string>;
  /** The job's final state: completed, or failed with no attempt left. */
  settle(jobId: string, timeoutMs?: number): Promise<{ state: string; failedReason?: string }>;
  addresses(): Promise<Address[]>;
  requests(): Promise<RecordedRequest[]>;
  control(path: string, body?: unknown): Promise<unknown>;
  /** Stops the workers and empties Redis and the sandbox: each test starts clean. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const redis: TestRedis = await startTestRedis();
  const connection = createProducerConnection(redis.url, { enableOfflineQueue: true });
  await waitUntilReady(connection, 5_000);
  const sandbox = await startSandbox({ logger, port: 0, smtpPort: 0 });
  const workers: { running: RunningWorker; connection: Redis }[] = [];
  const queues = createQueueSet(connection, PREFIX, config.queues);
  const queue = () => queues.domain['order-to-customer'];

  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/_control/prosonata${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as unknown;
  };

  async function reset() {
    for (const { running, connection: own } of workers.splice(0)) {
      await running.close(2_000);
      own.disconnect();
    }
    await connection.flushall();
    sandbox.sandbox.reset();
  }

  return {
    redisUrl: redis.url,
    connection,
    sandbox,
    directory: createCustomerDirectory(connection, PREFIX),
    async start(options = {}) {
      const own = createProducerConnection(redis.url, { enableOfflineQueue: true });
      const prosonata = createProsonataClient({
        apiUrl: `${sandbox.url}/prosonata`,
        apiKey: 'test-prosonata-key',
        timeoutMs: options.timeoutMs ?? 5_000,
        quota: createProsonataQuota(own, PREFIX),
      });
      const addresses = createAddressSync({
        prosonata,
        redis: own,
        prefix: PREFIX,
        customerId: options.customerId ?? config.prosonata.customerId,
      });
      const definition = createOrderToCustomerWorker({ addresses });
      const running = await startWorker(definition, {
        redisUrl: redis.url,
        prefix: PREFIX,
        logger,
        settings: {
          ...config.worker,
          concurrency: options.concurrency ?? config.worker.concurrency,
        },
        retention: config.queues,
      });
      workers.push({ running, connection: own });
      return running;
    },
    async deliver(source, body, options = {}) {
      const result = validateEvent(source, JSON.parse(body), { webhookId: options.webhookId });
      if (!result.ok) throw new Error(`test event is invalid: ${JSON.stringify(result.details)}`);
      const { eventType, eventKey, senderRetryCount } = result.event;
      const job: EventJobData = {
        source,
        eventType,
        eventKey,
        rawBody: body,
        receivedAt: new Date().toISOString(),
        headers: options.webhookId ? { 'webhook-id': options.webhookId } : {},
        senderRetryCount,
      };
      await queue().add(jobNameOf(source, eventType), job, {
        jobId: eventKey,
        attempts: options.attempts ?? 3,
        backoff: { type: 'fixed', delay: 200 },
      });
      return eventKey;
    },
    async settle(jobId, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const state = await queue().getJobState(jobId);
        if (state === 'completed' || state === 'failed') {
          const job = await queue().getJob(jobId);
          return { state, failedReason: job?.failedReason || undefined };
        }
        if (Date.now() > deadline)
          throw new Error(`job ${jobId} still ${state} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async addresses() {
      return (await control('/addresses')) as Address[];
    },
    async requests() {
      return (await control('/requests')) as RecordedRequest[];
    },
    control,
    reset,
    async close() {
      await reset();
      await queues.close();
      await sandbox.close();
      connection.disconnect();
      await redis.close();
    },
  };
}
