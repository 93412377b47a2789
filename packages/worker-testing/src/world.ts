import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import type { RedisClient } from '@campus/queues';
import { loadConfig, type Config, type WorkerConfig } from '@campus/config';
import {
  createCustomerDirectory,
  createInvoiceLedger,
  createSubscriptionLinks,
  type CustomerDirectory,
  type InvoiceLedger,
  type SubscriptionLinks,
} from '@campus/customer-directory';
import type { DomainQueue, Source } from '@campus/events';
import { createLogger, type Logger } from '@campus/logger';
import { createMailer, type Mailer } from '@campus/mailer';
import {
  acceptEvent,
  createProducerConnection,
  createQueueSet,
  defaultJobOptions,
  startWorker,
  waitUntilReady,
  type AcceptOutcome,
  type AnyWorkerDefinition,
  type QueueSet,
  type RunningWorker,
} from '@campus/queues';
import {
  mailFailSwitch,
  sandboxControl,
  startSandbox,
  type MailFailSwitchClient,
  type RunningSandbox,
  type SandboxControl,
} from '@campus/sandbox';
import { startTestRedis, type TestRedis } from '@campus/testing';
import {
  bodyText,
  invalidJob,
  receiverJob,
  type DeliveryOptions,
  type FixtureOrBody,
  type ReceiverJob,
  type Retries,
} from './deliveries.js';
import { settledJob, type SettledJob } from './settled.js';

export interface WorkerWorldOptions {
  /** The domain queue whose worker the tests run. */
  queue: DomainQueue;
  /** Retries of every delivered job unless a delivery names its own; default production's (8, from 10 s). */
  retries?: Retries;
}

/** Everything a worker app's tests talk to, all real, on free ports, under a prefix of its own. */
export interface WorkerWorld extends SandboxControl {
  redis: TestRedis;
  /** Key prefix of every queue and record (QUEUE_PREFIX). */
  prefix: string;
  /** A connection to read and seed Redis with (directory, ledger, …); commands wait out reconnects. */
  connection: RedisClient;
  /** Customers, as order-to-customer writes them. */
  directory: CustomerDirectory;
  /** Paid invoices, as invoice-sync writes them. */
  ledger: InvoiceLedger;
  /** PayPal subscription → contract and customer, as paypal-subscription writes them. */
  links: SubscriptionLinks;
  /** The queues as the receiver sees them. */
  queues: QueueSet;
  /** The world's domain queue. */
  queue: Queue;
  sandbox: RunningSandbox;
  /** The SMTP sink's fail switch; disarmed by reset(). */
  smtp: MailFailSwitchClient;
  /** The variables that point an app at this world: for loadConfig in-process, or spawnApp. */
  env: Record<string, string>;
  /** core, queues, worker and mail, loaded from `env`. */
  config: Config<'queues' | 'worker' | 'mail'>;
  /** A silent logger, for the services an app's wiring builds. */
  logger: Logger;
  /**
   * A sender's delivery through the receiver's own code: `ingest` (validation,
   * event key, routing) and `acceptEvent` (de-duplication, one job per routed
   * queue). Throws a DeliveryError for a body the receiver would not queue here.
   * A PayPal event is also given to PayPal's stand-in as sent by PayPal (see
   * `paypalCopy`), as the sandbox's simulator does, for the workers' confirmation.
   */
  deliver(
    source: Source,
    fixtureOrBody: FixtureOrBody,
    options?: DeliveryOptions,
  ): Promise<AcceptOutcome>;
  /** The job `deliver` would queue, without queueing it. */
  jobFor(source: Source, fixtureOrBody: FixtureOrBody, options?: DeliveryOptions): ReceiverJob;
  /** Queues a job whose body fails validation (the receiver would quarantine it); returns its id. */
  queueInvalid(
    source: Source,
    eventType: string,
    fixtureOrBody: FixtureOrBody,
    options?: DeliveryOptions,
  ): Promise<string>;
  /** Waits until the job is completed or failed for good (default 20 s). */
  settled(jobId: string, timeoutMs?: number): Promise<SettledJob>;
  /** Starts a worker definition in this process, production settings unless overridden; reset() stops it. */
  startWorker(
    definition: AnyWorkerDefinition,
    options?: { settings?: Partial<WorkerConfig>; logger?: Logger },
  ): Promise<RunningWorker>;
  /** A mailer to the SMTP sink, built as main.ts builds it from the config; closed at the next reset. */
  createMailer(logger?: Logger): Mailer;
  /** Runs `close` at the next reset (after the workers stopped): for a test's mailer, connections, … */
  onReset(close: () => Promise<void> | void): void;
  /** Between tests: workers stopped, the world's keys deleted, the sandbox emptied and disarmed. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const DAY_SECONDS = 24 * 60 * 60;
const silent = createLogger({ name: 'worker-world', level: 'silent' });

/**
 * A real Redis of the test file's own, the sandbox in-process (HTTP stand-ins
 * and the SMTP sink), and the queues as the receiver fills them. Follows
 * trigger.dev's internal-packages/testcontainers/src/index.ts: start the
 * expensive parts once per file, isolate each test cheaply (here: delete the
 * world's keys, reset the sandbox).
 */
export async function startWorkerWorld(options: WorkerWorldOptions): Promise<WorkerWorld> {
  const redis = await startTestRedis();
  const sandbox = await startSandbox({ logger: silent, port: 0, smtpPort: 0 });
  // A prefix of its own: a shared TEST_REDIS_URL may serve other files at the same time.
  const prefix = `w${randomBytes(4).toString('hex')}`;
  const env = {
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    SMTP_URL: `smtp://127.0.0.1:${sandbox.smtpPort}`,
    MAIL_OUTBOX_DIR: '',
    LEXOFFICE_API_URL: `${sandbox.url}/lexoffice`,
    PROSONATA_API_URL: `${sandbox.url}/prosonata`,
    PAYPAL_API_URL: `${sandbox.url}/paypal`,
    FAKTURIA_API_URL: `${sandbox.url}/fakturia`,
    WORKER_METRICS_PORT: '0',
  };
  const config = loadConfig(['queues', 'worker', 'mail'], env);
  const connection = createProducerConnection(redis.url, { enableOfflineQueue: true });
  connection.on('error', () => {});
  await waitUntilReady(connection, 5_000);
  const queues = createQueueSet(connection, prefix, config.queues);
  const control = sandboxControl(sandbox.url);
  const workers: RunningWorker[] = [];
  const closers: (() => Promise<void> | void)[] = [];
  const retryQueues = new Map<string, Queue>();

  /** The queues, the world's own with `retries` as its defaults: jobs get them as the receiver adds them. */
  function queuesWith(retries: Retries | undefined): QueueSet {
    if (retries === undefined) return queues;
    const key = `${retries.attempts}/${retries.backoffMs}`;
    let queue = retryQueues.get(key);
    if (queue === undefined) {
      queue = new Queue(options.queue, {
        connection,
        prefix,
        skipVersionCheck: true,
        defaultJobOptions: {
          ...defaultJobOptions(config.queues, retries.attempts),
          backoff: { type: 'fixed', delay: retries.backoffMs },
        },
      });
      retryQueues.set(key, queue);
    }
    return { ...queues, domain: { ...queues.domain, [options.queue]: queue } };
  }

  async function stopEverything() {
    await Promise.all(workers.splice(0).map((worker) => worker.close(2_000)));
    for (const close of closers.splice(0).reverse()) await close();
  }

  const world: WorkerWorld = {
    ...control,
    redis,
    prefix,
    connection,
    directory: createCustomerDirectory(connection, prefix),
    ledger: createInvoiceLedger(connection, prefix),
    links: createSubscriptionLinks(connection, prefix),
    queues,
    queue: queues.domain[options.queue],
    sandbox,
    smtp: mailFailSwitch(sandbox.url),
    env,
    config,
    logger: silent,
    jobFor: (source, fixtureOrBody, delivery) =>
      receiverJob(options.queue, source, fixtureOrBody, delivery),
    async deliver(source, fixtureOrBody, delivery = {}) {
      const job = receiverJob(options.queue, source, fixtureOrBody, delivery);
      // PayPal keeps what it sends: its stand-in serves it to the workers' confirmation.
      if (source === 'paypal' && delivery.paypalCopy !== false) {
        const copy = JSON.parse(bodyText(delivery.paypalCopy ?? fixtureOrBody)) as unknown;
        await control.control('POST', '/paypal/events', { events: [copy] });
      }
      const into = queuesWith(delivery.retries ?? options.retries);
      const remember = config.queues.eventKeyTtlDays * DAY_SECONDS;
      return acceptEvent(connection, into, job.data, job.queues, remember);
    },
    async queueInvalid(source, eventType, fixtureOrBody, delivery = {}) {
      const job = invalidJob(source, eventType, fixtureOrBody, delivery);
      const into = queuesWith(delivery.retries ?? options.retries).domain[options.queue];
      await into.add(job.name, job.data, { jobId: job.data.eventKey });
      return job.data.eventKey;
    },
    settled: (jobId, timeoutMs) => settledJob(world.queue, jobId, timeoutMs),
    async startWorker(definition, { settings, logger } = {}) {
      const running = await startWorker(definition, {
        redis: redis.url,
        prefix,
        logger: logger ?? silent,
        settings: { ...config.worker, ...settings },
        retention: config.queues,
      });
      workers.push(running);
      return running;
    },
    createMailer(logger = silent) {
      const mailer = createMailer({ config: config.mail, logger });
      closers.push(() => mailer.close());
      return mailer;
    },
    onReset(close) {
      closers.push(close);
    },
    async reset() {
      await stopEverything();
      await deleteKeys(connection, `${prefix}:*`);
      sandbox.sandbox.reset();
    },
    async close() {
      await stopEverything();
      await Promise.all([...retryQueues.values()].map((queue) => queue.close()));
      await queues.close();
      connection.disconnect();
      await sandbox.close();
      await redis.close();
    },
  };
  return world;
}

/** Deletes every key matching `pattern`, a batch at a time (SCAN, not KEYS: Redis stays responsive). */
async function deleteKeys(redis: RedisClient, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
