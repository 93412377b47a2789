import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPaypalClient, type PaypalClient } from '@campus/clients';
import { loadConfig } from '@campus/config';
import { createCustomerDirectory, createSubscriptionLinks } from '@campus/customer-directory';
import { fakturiaEventKey, type EventJobData, type FakturiaContract } from '@campus/events';
import { createLogger } from '@campus/logger';
import { createMailer, deriveMessageId, type Mailer } from '@campus/mailer';
import {
  createProducerConnection,
  createQueueSet,
  startWorker,
  waitUntilReady,
  type QueueSet,
  type RunningWorker,
} from '@campus/queues';
import {
  startSandbox,
  type RecordedRequest,
  type RunningSandbox,
  type StoredMail,
} from '@campus/sandbox';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { createPaypalSubscriptionWorker } from './worker.js';

const prefix = 'pps';
const logger = createLogger({ name: 'worker-paypal-subscription-test', level: 'silent' });
const CUSTOMER = { email: 'mail@example.net', firstName: 'Holger', lastName: 'Tester' };
const SETTLED = { timeout: 20_000, interval: 100 };

let redis: TestRedis;
let connection: Redis;
let queues: QueueSet;
let sandbox: RunningSandbox;
let config: ReturnType<typeof loadTestConfig>;
let running: RunningWorker | undefined;
let mailer: Mailer | undefined;

const loadTestConfig = (env: Record<string, string>) =>
  loadConfig(['queues', 'worker', 'paypal', 'catalog', 'mail', 'website'], env);

beforeAll(async () => {
  redis = await startTestRedis();
  connection = createProducerConnection(redis.url);
  await waitUntilReady(connection, 5_000);
  sandbox = await startSandbox({ logger, port: 0, smtpPort: 0 });
  config = loadTestConfig({
    PAYPAL_API_URL: `${sandbox.url}/paypal`,
    SMTP_URL: `smtp://127.0.0.1:${sandbox.smtpPort}`,
  });
  queues = createQueueSet(connection, prefix, config.queues);
});
afterEach(async () => {
  await running?.close(1_000);
  await mailer?.close();
  running = undefined;
  mailer = undefined;
  await connection.flushall();
  await control('POST', '/reset');
});
afterAll(async () => {
  await queues.close();
  connection.disconnect();
  await sandbox.close();
  await redis.close();
});

const directory = () => createCustomerDirectory(connection, prefix);

async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}/_control${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`control ${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

const paypalRequests = async (path: string) =>
  (await control<RecordedRequest[]>('GET', '/paypal/requests')).filter(
    (r) => r.path === `/paypal${path}`,
  );
const subscriptions = () =>
  control<{ id: string; plan_id: string; custom_id?: string; subscriber?: unknown }[]>(
    'GET',
    '/paypal/subscriptions',
  );
const mails = () => control<StoredMail[]>('GET', '/mail');

/** Starts the worker as main.ts does, with a PayPal client the test can also reach. */
async function startPaypalWorker(timeoutMs?: number): Promise<PaypalClient> {
  const { apiUrl = '', clientId = '', clientSecret = '' } = config.paypal;
  const paypal = createPaypalClient({ apiUrl, clientId, clientSecret, timeoutMs });
  mailer = createMailer({ config: config.mail, logger });
  const definition = createPaypalSubscriptionWorker({
    paypal,
    directory: directory(),
    links: createSubscriptionLinks(connection, prefix),
    mailer,
    from: config.mail.from,
    plans: config.catalog.paypalPlans,
    siteUrl: config.website.baseUrl,
  });
  running = await startWorker(definition, {
    redisUrl: redis.url,
    prefix,
    logger,
    settings: { ...config.worker, concurrency: 2 },
    retention: config.queues,
  });
  return paypal;
}

/** Queues the CONTRACT_ACTIVATED fixture (contract fields overridden) as the receiver would, with test-sized retries. */
async function queueContract(contract: Partial<FakturiaContract> = {}, attempts = 5) {
  const envelope = JSON.parse(readFixture('fakturia/CONTRACT_ACTIVATED.json')) as {
    eventType: string;
    triggerDate: string;
    payload: { contract: FakturiaContract };
  };
  envelope.payload.contract = { ...envelope.payload.contract, ...contract };
  const eventKey = fakturiaEventKey(envelope.eventType, envelope.triggerDate, envelope.payload);
  const job: EventJobData = {
    source: 'fakturia',
    eventType: 'CONTRACT_ACTIVATED',
    eventKey,
    rawBody: JSON.stringify(envelope),
    receivedAt: new Date().toISOString(),
    headers: {},
    senderRetryCount: 0,
  };
  await queues.domain['paypal-subscription'].add('fakturia.CONTRACT_ACTIVATED', job, {
    jobId: eventKey,
    attempts,
    backoff: { type: 'fixed', delay: 300 },
  });
  return eventKey;
}

const stateOf = (id: string) => queues.domain['paypal-subscription'].getJobState(id);
const jobOf = (id: string) => queues.domain['paypal-subscription'].getJob(id);

describe('worker-paypal-subscription', () => {
  it('creates the subscription with the mapped plan, links it and mails the approval link', async () => {
    await directory().upsert({ source: 'fakturia', id: 'K1234' }, CUSTOMER);
    await startPaypalWorker();
    const eventKey = await queueContract();

    await expect.poll(() => stateOf(eventKey), SETTLED).toBe('completed');
    const [subscription, ...more] = await subscriptions();
    expect(more).toEqual([]);
    expect(subscription).toMatchObject({
      plan_id: 'P-SANDBOX-KURS-PM-ABO',
      custom_id: 'V-1001',
      subscriber: {
        email_address: 'mail@example.net',
        name: { given_name: 'Holger', surname: 'Tester' },
      },
    });
    const [request] = await paypalRequests('/v1/billing/subscriptions');
    expect(request?.headers['paypal-request-id']).toBe(eventKey);
    expect(request?.body).toMatchObject({
      application_context: { brand_name: 'Campus', locale: 'de-DE', user_action: 'SUBSCRIBE_NOW' },
    });
    expect(await createSubscriptionLinks(connection, prefix).find(subscription!.id)).toEqual({
      contractNumber: 'V-1001',
      customerNumber: 'K1234',
    });

    const [mail, ...others] = await mails();
    expect(others).toEqual([]);
    expect(mail?.to).toEqual(['mail@example.net']);
    expect(mail?.subject).toBe('Bitte bestätigen Sie Ihr PayPal-Abonnement (Vertrag V-1001)');
    expect(mail?.text).toContain(`${sandbox.url}/paypal/approve/${subscription!.id}`);
    expect(mail?.text).toContain('Guten Tag Holger Tester,');
    expect(mail?.messageId).toBe(deriveMessageId(`${eventKey}/paypal_freigabe`, config.mail.from));
  });

  it('creates exactly one subscription when PayPal times out after doing the work', async () => {
    await directory().upsert({ source: 'fakturia', id: 'K1234' }, CUSTOMER);
    const paypal = await startPaypalWorker(2_000);
    await paypal.accessToken(); // the knob must hit the subscription call, not the token
    await control('POST', '/paypal/fail', { count: 1, mode: 'timeout-after-work' });
    const eventKey = await queueContract();

    await expect.poll(() => stateOf(eventKey), SETTLED).toBe('completed');
    // Retried at least once, every call carrying the same PayPal-Request-Id.
    const requests = await paypalRequests('/v1/billing/subscriptions');
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(requests.map((r) => r.headers['paypal-request-id']))).toEqual(
      new Set([eventKey]),
    );
    expect(await subscriptions()).toHaveLength(1);
    expect(await mails()).toHaveLength(1);
  });

  it('asks PayPal for one token for several contracts', async () => {
    await directory().upsert({ source: 'fakturia', id: 'K1234' }, CUSTOMER);
    await startPaypalWorker();
    const keys = [];
    for (const contractNumber of ['V-1001', 'V-1002', 'V-1003'])
      keys.push(await queueContract({ contractNumber }));

    for (const key of keys) await expect.poll(() => stateOf(key), SETTLED).toBe('completed');
    expect(await subscriptions()).toHaveLength(3);
    expect(await paypalRequests('/v1/oauth2/token')).toHaveLength(1);
  });

  it('fails a contract without a mapped plan at once, naming its item numbers', async () => {
    await directory().upsert({ source: 'fakturia', id: 'K1234' }, CUSTOMER);
    await startPaypalWorker();
    const eventKey = await queueContract({
      items: [{ itemNumber: 'KURS-UNBEKANNT', quantity: 1, unitPrice: 10 }],
    });

    await expect.poll(() => stateOf(eventKey), SETTLED).toBe('failed');
    const job = await jobOf(eventKey);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toBe(
      'NoPaypalPlanError: Contract V-1001 has no item with a PayPal plan (item numbers: KURS-UNBEKANNT). ' +
        'Map one of them to a plan id in PAYPAL_PLAN_MAP, restart the worker and retry the job.',
    );
    expect(await paypalRequests('/v1/billing/subscriptions')).toEqual([]);
    expect(await mails()).toEqual([]);
  });

  it('retries while the customer is unknown and succeeds once the directory has them', async () => {
    await startPaypalWorker();
    const eventKey = await queueContract({}, 50);

    await expect
      .poll(async () => (await jobOf(eventKey))?.attemptsMade ?? 0, SETTLED)
      .toBeGreaterThan(0);
    expect(await stateOf(eventKey)).not.toBe('failed');
    expect((await jobOf(eventKey))?.failedReason).toContain(
      'Customer K1234 is not in the customer directory yet',
    );
    await directory().upsert({ source: 'fakturia', id: 'K1234' }, CUSTOMER);

    await expect.poll(() => stateOf(eventKey), SETTLED).toBe('completed');
    expect(await subscriptions()).toHaveLength(1);
    expect((await mails()).map((m) => m.to)).toEqual([['mail@example.net']]);
  });
});
