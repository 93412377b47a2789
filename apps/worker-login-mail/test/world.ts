import { loadConfig } from '@campus/config';
import type { EventJobData } from '@campus/events';
import { createLogger } from '@campus/logger';
import type { MagicCodeStore } from '@campus/magic-code';
import { createMailer, type Mailer } from '@campus/mailer';
import {
  acceptEvent,
  createProducerConnection,
  createQueueSet,
  startWorker,
  waitUntilReady,
  type QueueSet,
  type RunningWorker,
} from '@campus/queues';
import {
  mailFailSwitch,
  startSandbox,
  type MailFailSwitchClient,
  type RunningSandbox,
} from '@campus/sandbox';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { createLoginMailWorker } from '../src/worker.js';

export const JOB_NAME = 'campus.form.login.magic_code.request';
const FROM = 'Campus <no-reply@campus.example>';

export interface ReceivedMail {
  id: string;
  to: string[];
  subject: string;
  text?: string;
}

/** Redis, the sandbox's SMTP sink (with its fail switch), and the worker, as main.ts wires it. */
export interface Harness {
  queues: QueueSet;
  /** The SMTP sink's fail switch. */
  smtp: MailFailSwitchClient;
  /** The code store as the receiver sees it (same Redis, prefix and secret). */
  store: MagicCodeStore;
  /** Queues a code request for `email` as the receiver does. */
  accept(email: string, webhookId: string): Promise<string>;
  /** Queues a job with test-sized retries (fixed 100 ms backoff). */
  add(rawBody: string, webhookId: string, attempts?: number): Promise<string>;
  /** Polls until the job is completed or failed for good (20 s). */
  settled(jobId: string): Promise<'completed' | 'failed'>;
  mailsTo(address: string): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

const config = loadConfig(['queues', 'worker', 'magicCode'], {});
const logger = createLogger({ name: 'worker-login-mail-test', level: 'silent' });
const prefix = 'lt';

/** The body the Campus website posts for a code request. */
export function codeRequest(email: string): string {
  return JSON.stringify({ event: 'form.login.magic_code.request', data: { email } });
}

export async function startHarness(): Promise<Harness> {
  const redis: TestRedis = await startTestRedis();
  const sandbox: RunningSandbox = await startSandbox({ logger, port: 0, smtpPort: 0 });
  const smtp = mailFailSwitch(sandbox.url);
  const connection = createProducerConnection(redis.url);
  await waitUntilReady(connection, 5_000);
  const queues = createQueueSet(connection, prefix, config.queues);
  const store: MagicCodeStore = { redis: connection, prefix, secret: config.magicCode.secret };
  const mailer: Mailer = createMailer({
    config: { smtpUrl: `smtp://127.0.0.1:${sandbox.smtpPort}`, from: FROM, outboxDir: undefined },
    logger,
  });
  const running: RunningWorker = await startWorker(
    createLoginMailWorker({ mailer, from: FROM, store }),
    {
      redisUrl: redis.url,
      prefix,
      logger,
      settings: { ...config.worker, concurrency: 2 },
      retention: config.queues,
    },
  );
  const queue = queues.domain['login-mail'];

  const jobData = (rawBody: string, webhookId: string): EventJobData => ({
    source: 'campus',
    eventType: 'form.login.magic_code.request',
    eventKey: `campus.${webhookId}`,
    rawBody,
    receivedAt: new Date().toISOString(),
    headers: { 'content-type': 'application/json', 'webhook-id': webhookId },
    senderRetryCount: null,
  });

  return {
    queues,
    smtp,
    store,
    async accept(email, webhookId) {
      const job = jobData(codeRequest(email), webhookId);
      await acceptEvent(connection, queues, job, ['login-mail'], 3_600);
      return job.eventKey;
    },
    async add(rawBody, webhookId, attempts = 3) {
      const job = jobData(rawBody, webhookId);
      await queue.add(JOB_NAME, job, {
        jobId: job.eventKey,
        attempts,
        backoff: { type: 'fixed', delay: 100 },
      });
      return job.eventKey;
    },
    async settled(jobId) {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const state = await queue.getJobState(jobId);
        if (state === 'completed' || state === 'failed') return state;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`job ${jobId} did not settle within 20 s`);
    },
    async mailsTo(address) {
      const response = await fetch(
        `${sandbox.url}/_control/mail?to=${encodeURIComponent(address)}`,
      );
      return (await response.json()) as ReceivedMail[];
    },
    async close() {
      await running.close(2_000);
      await mailer.close();
      await queues.close();
      connection.disconnect();
      await sandbox.close();
      await redis.close();
    },
  };
}
