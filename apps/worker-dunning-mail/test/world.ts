import { Writable } from 'node:stream';
import { loadConfig } from '@campus/config';
import {
  createCustomerDirectory,
  createInvoiceLedger,
  createSubscriptionLinks,
} from '@campus/customer-directory';
import {
  jobNameOf,
  routeEvent,
  validateEvent,
  type EventJobData,
  type Source,
} from '@campus/events';
import { createLogger } from '@campus/logger';
import { createMailer } from '@campus/mailer';
import {
  acceptEvent,
  createProducerConnection,
  createQueueSet,
  startWorker,
  waitUntilReady,
  type AcceptOutcome,
  type QueueSet,
  type RunningWorker,
} from '@campus/queues';
import { startSandbox, type RunningSandbox } from '@campus/sandbox';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { createDunningMailWorker } from '../src/worker.js';
import { waitFor } from './poll.js';

/** A mail as the sandbox's `/_control/mail` shows it. */
export interface SinkMail {
  to: string[];
  envelope: { from: string; to: string[] };
  subject: string;
  messageId: string | undefined;
  text: string | undefined;
  html: string | undefined;
}

/** One log line of the worker, parsed. */
export type LogLine = Record<string, unknown> & { msg?: string; retryCount?: number };

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Everything a dunning-mail test talks to, all real: a Redis of its own, the
 * sandbox (its SMTP sink receives the mails), the queues as the receiver sees
 * them, and the directory/ledger/links the other domains write.
 */
export async function startWorld() {
  const redis: TestRedis = await startTestRedis();
  const sandbox: RunningSandbox = await startSandbox({
    logger: createLogger({ name: 'sandbox-test', level: 'silent' }),
    port: 0,
    smtpPort: 0,
  });
  const prefix = `dm${Math.random().toString(36).slice(2, 8)}`;
  const config = loadConfig(['mail', 'queues', 'worker'], {
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    SMTP_URL: `smtp://127.0.0.1:${sandbox.smtpPort}`,
    WORKER_LOCK_MS: '5000',
    WORKER_STALLED_INTERVAL_MS: '2000',
  });
  const connection = createProducerConnection(redis.url, { enableOfflineQueue: true });
  connection.on('error', () => {});
  await waitUntilReady(connection, 5_000);
  const queues: QueueSet = createQueueSet(connection, prefix, config.queues);
  const queue = queues.domain['dunning-mail'];
  const directory = createCustomerDirectory(connection, prefix);
  const ledger = createInvoiceLedger(connection, prefix);
  const subscriptions = createSubscriptionLinks(connection, prefix);
  const running = new Set<RunningWorker>();
  const closers: (() => Promise<void>)[] = [];

  /** The event as the receiver turns a delivery into a job. */
  function toJob(source: Source, rawBody: string, webhookId?: string): EventJobData {
    const result = validateEvent(source, JSON.parse(rawBody), { webhookId });
    if (!result.ok) throw new Error(`fixture is invalid: ${JSON.stringify(result.details)}`);
    return {
      source,
      eventType: result.event.eventType,
      eventKey: result.event.eventKey,
      rawBody,
      receivedAt: new Date().toISOString(),
      headers: { 'content-type': 'application/json' },
      senderRetryCount: result.event.senderRetryCount,
    };
  }

  return {
    redis,
    sandbox,
    prefix,
    config,
    connection,
    queue,
    directory,
    ledger,
    subscriptions,

    /** A sender's delivery, queued exactly as the receiver does (de-duplicated by event key). */
    async deliver(source: Source, fixture: string): Promise<AcceptOutcome> {
      const job = toJob(source, readFixture(fixture));
      const targets = routeEvent({
        source,
        eventType: job.eventType,
        body: JSON.parse(job.rawBody),
      });
      return acceptEvent(
        connection,
        queues,
        job,
        targets,
        config.queues.eventKeyTtlDays * DAY_SECONDS,
      );
    },

    /**
     * Queues a body directly with test-sized retries (the production backoff
     * starts at 10 s): returns the job id.
     */
    async queueRaw(
      source: Source,
      rawBody: string,
      retries: { attempts: number; delayMs: number } = { attempts: 1, delayMs: 100 },
    ): Promise<string> {
      let job: EventJobData;
      try {
        job = toJob(source, rawBody);
      } catch {
        // An invalid body still becomes a job here: the worker must cope with it.
        job = {
          source,
          eventType: 'DUNNING_CREATED',
          eventKey: `${source}.broken${Math.random().toString(16).slice(2)}`,
          rawBody,
          receivedAt: new Date().toISOString(),
          headers: {},
          senderRetryCount: 0,
        };
      }
      await queue.add(jobNameOf(source, job.eventType), job, {
        jobId: job.eventKey,
        attempts: retries.attempts,
        backoff: { type: 'fixed', delay: retries.delayMs },
      });
      return job.eventKey;
    },

    /** Starts the dunning-mail worker in this process; its log lines are collected. */
    async startWorker() {
      const lines: LogLine[] = [];
      const raw: string[] = [];
      const stream = new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).split('\n').filter(Boolean)) {
            raw.push(line);
            lines.push(JSON.parse(line) as LogLine);
          }
          done();
        },
      });
      const logger = createLogger({ name: 'worker-dunning-mail', level: 'info' }, stream);
      const mailer = createMailer({ config: config.mail, logger });
      const worker = await startWorker(
        createDunningMailWorker({
          mailer,
          from: config.mail.from,
          directory,
          ledger,
          subscriptions,
        }),
        {
          redisUrl: redis.url,
          prefix,
          logger,
          settings: config.worker,
          retention: config.queues,
        },
      );
      running.add(worker);
      const stop = async () => {
        if (!running.delete(worker)) return;
        await worker.close(2_000);
        await mailer.close();
      };
      closers.push(stop);
      return { worker, logs: lines, rawLogs: () => raw.join('\n'), stop };
    },

    /** Mails the sandbox's SMTP sink received, oldest first. */
    async mails(): Promise<SinkMail[]> {
      const response = await fetch(`${sandbox.url}/_control/mail`);
      return (await response.json()) as SinkMail[];
    },

    /** Waits until the job is completed or failed for good, and returns it. */
    async settled(jobId: string) {
      return waitFor(`job ${jobId} to settle`, async () => {
        const state = await queue.getJobState(jobId);
        if (state !== 'completed' && state !== 'failed') return undefined;
        const job = await queue.getJob(jobId);
        return job === undefined ? undefined : { state, job };
      });
    },

    /** Between tests: workers stopped, Redis and the sink emptied. */
    async reset() {
      await Promise.all(closers.splice(0).map((close) => close()));
      await connection.flushall();
      await fetch(`${sandbox.url}/_control/mail`, { method: 'DELETE' });
    },

    async close() {
      await Promise.all(closers.splice(0).map((close) => close()));
      await queues.close();
      connection.disconnect();
      await sandbox.close();
      await redis.close();
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;

/** The customer of the Fakturia fixtures, as order-to-customer writes it from CUSTOMER_CREATED. */
export const HOLGER = {
  ref: { source: 'fakturia', id: 'K1234' } as const,
  record: { email: 'mail@example.net', firstName: 'Holger', lastName: 'Tester' },
};

/** A Fakturia fixture with parts of its payload replaced (a different event, so a different key). */
export function dunningBody(change: (payload: Record<string, unknown>) => void): string {
  const body = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json')) as {
    payload: Record<string, unknown>;
  };
  change(body.payload);
  return JSON.stringify(body);
}
