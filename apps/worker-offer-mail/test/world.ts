import { loadConfig } from '@campus/config';
import type { EventJobData } from '@campus/events';
import { createLogger } from '@campus/logger';
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
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { resolveOfferSettings } from '../src/offer-settings.js';
import { createOfferStore } from '../src/offer-store.js';
import { createOfferWorker } from '../src/worker.js';

export const PREFIX = 'offer-test';
export const MAIL_FROM = 'Campus <no-reply@campus.example>';
export const LINK_SECRET = 'test-offer-link-secret';
export const BASE_URL = 'https://campus.example';
export const RECIPIENT = 'jana.krueger@nordwind-logistik.example';

const config = loadConfig(['queues', 'worker'], {});
export const logger = createLogger({ name: 'offer-mail-test', level: 'silent' });

/** A mail as the sandbox's SMTP sink received it. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** Real Redis, the sandbox's SMTP sink and a worker per test: what every test file needs. */
export interface Harness {
  redisUrl: string;
  connection: ReturnType<typeof createProducerConnection>;
  queues: QueueSet;
  sandbox: RunningSandbox;
  smtpUrl: string;
  /** The SMTP sink's fail switch; cleared by reset(). */
  smtp: MailFailSwitchClient;
  startOfferWorker(options: { delays: string[]; concurrency?: number }): Promise<RunningWorker>;
  /** Queues a Campus event as the receiver does, with test-sized retries; returns the job id. */
  queueCampusEvent(
    fixture: string,
    webhookId: string,
    data?: object,
    jobId?: string,
  ): Promise<string>;
  /** Hands a Campus event to acceptEvent exactly as the receiver does; returns its answer. */
  deliverCampusEvent(fixture: string, webhookId: string): Promise<'accepted' | 'duplicate'>;
  mailsTo(address: string): Promise<ReceivedMail[]>;
  /** Resets Redis, the inbox and the SMTP fail switch, and stops the worker; call after each test. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const redis: TestRedis = await startTestRedis();
  const connection = createProducerConnection(redis.url);
  await waitUntilReady(connection, 5_000);
  const queues = createQueueSet(connection, PREFIX, config.queues);
  const sandbox = await startSandbox({ logger, port: 0, smtpPort: 0 });
  const smtpUrl = `smtp://127.0.0.1:${sandbox.smtpPort}`;
  const smtp = mailFailSwitch(sandbox.url);
  const running: { worker: RunningWorker; redis: typeof connection; mailer: Mailer }[] = [];

  return {
    redisUrl: redis.url,
    connection,
    queues,
    sandbox,
    smtpUrl,
    smtp,
    async startOfferWorker({ delays, concurrency = 2 }) {
      const mailer = createMailer({
        config: { smtpUrl, from: MAIL_FROM, outboxDir: undefined },
        logger,
      });
      const store = createProducerConnection(redis.url, { enableOfflineQueue: true });
      const definition = createOfferWorker({
        store: createOfferStore(store, PREFIX),
        settings: resolveOfferSettings({
          baseUrl: BASE_URL,
          linkSecret: LINK_SECRET,
          followUpDelays: delays,
        }),
        mailer,
        from: MAIL_FROM,
      });
      const worker = await startWorker(definition, {
        redisUrl: redis.url,
        prefix: PREFIX,
        logger,
        settings: { ...config.worker, lockMs: 5_000, stalledIntervalMs: 2_000, concurrency },
        retention: config.queues,
      });
      running.push({ worker, redis: store, mailer });
      return worker;
    },
    async queueCampusEvent(fixture, webhookId, data, jobId) {
      const { body, job } = campusJob(fixture, webhookId, data);
      const id = jobId ?? job.eventKey;
      await queues.domain['offer-mail'].add(`campus.${body.event}`, job, {
        jobId: id,
        attempts: 3,
        backoff: { type: 'fixed', delay: 200 },
      });
      return id;
    },
    async deliverCampusEvent(fixture, webhookId) {
      const { job } = campusJob(fixture, webhookId);
      return (await acceptEvent(connection, queues, job, ['offer-mail'], 60)).status;
    },
    async mailsTo(address) {
      const response = await fetch(
        `${sandbox.url}/_control/mail?to=${encodeURIComponent(address)}`,
      );
      return (await response.json()) as ReceivedMail[];
    },
    async reset() {
      for (const { worker, redis: store, mailer } of running.splice(0)) {
        await worker.close(2_000);
        await mailer.close();
        store.disconnect();
      }
      await connection.flushall();
      await smtp.clear();
      await fetch(`${sandbox.url}/_control/mail`, { method: 'DELETE' });
    },
    async close() {
      await queues.close();
      connection.disconnect();
      await sandbox.close();
      await redis.close();
    },
  };
}

/** A Campus event as the receiver queues it: the fixture's body (its data replaced if given). */
function campusJob(fixture: string, webhookId: string, data?: object) {
  const body = JSON.parse(readFixture(fixture)) as { event: string; data: object };
  const job: EventJobData = {
    source: 'campus',
    eventType: body.event,
    eventKey: `campus.${webhookId}`,
    rawBody: JSON.stringify(data === undefined ? body : { ...body, data }),
    receivedAt: new Date().toISOString(),
    headers: { 'webhook-id': webhookId },
    senderRetryCount: null,
  };
  return { body, job };
}

/** Polls `check` until it returns something other than undefined; generous for a loaded machine. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until a job of the offer-mail queue has completed or failed for good. */
export function settled(queues: QueueSet, jobId: string): Promise<'completed' | 'failed'> {
  return waitFor(async () => {
    const state = await queues.domain['offer-mail'].getJobState(jobId);
    return state === 'completed' || state === 'failed' ? state : undefined;
  }, `job ${jobId} to settle`);
}

/** The offer id and token in the acceptance link of a mail, as the website would receive them. */
export function acceptanceLinkOf(mail: ReceivedMail): { angebotId: string; token: string } {
  const match = /\/angebote\/(ANG-\d{4}-[0-9a-f]{8})\/annehmen\?token=([\w-]+)/.exec(mail.text);
  if (!match?.[1] || !match[2]) throw new Error(`No acceptance link in mail "${mail.subject}"`);
  return { angebotId: match[1], token: match[2] };
}
