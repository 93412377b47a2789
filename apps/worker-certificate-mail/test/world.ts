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
import { startTestRedis, type TestRedis } from '@campus/testing';
import { createCertificateWorker } from '../src/worker.js';

export const JOB_NAME = 'campus.campus.zertifikat.ausstellen';
const FROM = 'Campus <no-reply@campus.example>';

export interface ReceivedMail {
  id: string;
  to: string[];
  subject: string;
  messageId?: string;
  text?: string;
  attachments: { filename: string; contentType: string; size: number; sha256: string }[];
}

/** Redis, the sandbox's SMTP sink (with its fail switch), and the worker, as main.ts wires it. */
export interface Harness {
  queues: QueueSet;
  /** The SMTP sink's fail switch. */
  smtp: MailFailSwitchClient;
  running: RunningWorker;
  /** Queues a Zertifikat request as the receiver does (same job id, same job data). */
  accept(rawBody: string, webhookId: string): Promise<string>;
  /** Queues a job with test-sized retries (fixed 100 ms backoff). */
  add(rawBody: string, webhookId: string, attempts?: number): Promise<string>;
  /** Polls until the job is completed or failed for good (20 s). */
  settled(jobId: string): Promise<'completed' | 'failed'>;
  mailsTo(address: string): Promise<ReceivedMail[]>;
  /** The bytes of a received mail's attachment, as the sandbox's inbox serves them. */
  attachment(mailId: string, index: number): Promise<Buffer>;
  clearMails(): Promise<void>;
  close(): Promise<void>;
}

const config = loadConfig(['queues', 'worker'], {});
const logger = createLogger({ name: 'worker-certificate-mail-test', level: 'silent' });
const prefix = 'zt';

export async function startHarness(): Promise<Harness> {
  const redis: TestRedis = await startTestRedis();
  const sandbox: RunningSandbox = await startSandbox({ logger, port: 0, smtpPort: 0 });
  const smtp = mailFailSwitch(sandbox.url);
  const connection = createProducerConnection(redis.url);
  await waitUntilReady(connection, 5_000);
  const queues = createQueueSet(connection, prefix, config.queues);
  const mailer: Mailer = createMailer({
    config: { smtpUrl: `smtp://127.0.0.1:${sandbox.smtpPort}`, from: FROM, outboxDir: undefined },
    logger,
  });
  const running = await startWorker(createCertificateWorker({ mailer, from: FROM }), {
    redisUrl: redis.url,
    prefix,
    logger,
    settings: { ...config.worker, concurrency: 2 },
    retention: config.queues,
  });
  const queue = queues.domain['certificate-mail'];

  const jobData = (rawBody: string, webhookId: string): EventJobData => ({
    source: 'campus',
    eventType: 'campus.zertifikat.ausstellen',
    eventKey: `campus.${webhookId}`,
    rawBody,
    receivedAt: new Date().toISOString(),
    headers: { 'content-type': 'application/json', 'webhook-id': webhookId },
    senderRetryCount: null,
  });

  return {
    queues,
    smtp,
    running,
    async accept(rawBody, webhookId) {
      const job = jobData(rawBody, webhookId);
      await acceptEvent(connection, queues, job, ['certificate-mail'], 3_600);
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
    async attachment(mailId, index) {
      const response = await fetch(`${sandbox.url}/mail/${mailId}/attachments/${index}`);
      return Buffer.from(await response.arrayBuffer());
    },
    async clearMails() {
      await fetch(`${sandbox.url}/_control/mail`, { method: 'DELETE' });
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
