import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@campus/config';
import { createCustomerDirectory, createSubscriptionLinks } from '@campus/customer-directory';
import { fakturiaEventKey, type EventJobData } from '@campus/events';
import { createLogger } from '@campus/logger';
import {
  acceptEvent,
  createProducerConnection,
  createQueueSet,
  waitUntilReady,
  type QueueSet,
} from '@campus/queues';
import { startSandbox, type RunningSandbox, type StoredMail } from '@campus/sandbox';
import { readFixture, spawnApp, startTestRedis, type TestRedis } from '@campus/testing';

const prefix = 'ppsmain';
let redis: TestRedis;
let connection: Redis;
let queues: QueueSet;
let sandbox: RunningSandbox;

beforeAll(async () => {
  redis = await startTestRedis();
  connection = createProducerConnection(redis.url);
  await waitUntilReady(connection, 5_000);
  queues = createQueueSet(connection, prefix, loadConfig(['queues'], {}).queues);
  sandbox = await startSandbox({
    logger: createLogger({ name: 'sandbox', level: 'silent' }),
    port: 0,
    smtpPort: 0,
  });
});
afterAll(async () => {
  await queues.close();
  connection.disconnect();
  await sandbox.close();
  await redis.close();
});

async function mailsTo(address: string): Promise<StoredMail[]> {
  const response = await fetch(`${sandbox.url}/_control/mail?to=${encodeURIComponent(address)}`);
  return (await response.json()) as StoredMail[];
}

describe('the worker-paypal-subscription process', () => {
  it('turns a queued PayPal contract into a linked subscription and a mail, and stops on SIGTERM', async () => {
    await createCustomerDirectory(connection, prefix).upsert(
      { source: 'fakturia', id: 'K1234' },
      { email: 'mail@example.net', firstName: 'Holger', lastName: 'Tester' },
    );
    const app = spawnApp('worker-paypal-subscription', {
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      PAYPAL_API_URL: `${sandbox.url}/paypal`,
      SMTP_URL: `smtp://127.0.0.1:${sandbox.smtpPort}`,
    });
    try {
      await app.waitFor(/worker-paypal-subscription started/);
      const rawBody = readFixture('fakturia/CONTRACT_ACTIVATED.json');
      const { eventType, triggerDate, payload } = JSON.parse(rawBody) as {
        eventType: string;
        triggerDate: string;
        payload: unknown;
      };
      const job: EventJobData = {
        source: 'fakturia',
        eventType: 'CONTRACT_ACTIVATED',
        eventKey: fakturiaEventKey(eventType, triggerDate, payload),
        rawBody,
        receivedAt: new Date().toISOString(),
        headers: {},
        senderRetryCount: 0,
      };
      await acceptEvent(connection, queues, job, ['paypal-subscription'], 3600);

      await expect
        .poll(() => mailsTo('mail@example.net'), { timeout: 20_000, interval: 200 })
        .toHaveLength(1);
      const [mail] = await mailsTo('mail@example.net');
      const subscriptionId = /\/paypal\/approve\/(I-[A-Z0-9]+)/.exec(mail?.text ?? '')?.[1];
      expect(await createSubscriptionLinks(connection, prefix).find(subscriptionId ?? '')).toEqual({
        contractNumber: 'V-1001',
        customerNumber: 'K1234',
      });
      expect(await queues.domain['paypal-subscription'].getJobState(job.eventKey)).toBe(
        'completed',
      );
    } finally {
      expect(await app.stop('SIGTERM')).toBe(0);
    }
    // Logs carry ids, never the customer's address.
    expect(app.output()).toContain('V-1001');
    expect(app.output()).not.toContain('mail@example.net');
  });
});
