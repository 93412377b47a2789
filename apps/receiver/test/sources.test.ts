import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { senderHeaders } from '@campus/webhook-auth';
import {
  jobsIn,
  startCertServer,
  startReceiver,
  totalJobs,
  type ReceiverUnderTest,
} from './harness.js';

let redis: TestRedis;
let certs: Awaited<ReturnType<typeof startCertServer>>;
let receiver: ReceiverUnderTest;

beforeAll(async () => {
  redis = await startTestRedis();
  certs = await startCertServer();
  receiver = await startReceiver(redis, {}, certs);
});
afterAll(async () => {
  await receiver?.close();
  await certs?.close();
  await redis?.close();
});
beforeEach(async () => {
  await receiver.inspect.flushall();
});

const accepted: [string, string, string[]][] = [
  ['fakturia', 'fakturia/DUNNING_CREATED.json', ['dunning-mail']],
  ['fakturia', 'fakturia/ORDER_PROCESSED.json', ['order-to-customer']],
  ['plenigo', 'plenigo/invoice-creation.json', ['invoice-sync']],
  ['plenigo', 'plenigo/customer-deletion.json', ['order-to-customer']],
  ['paypal', 'paypal/PAYMENT.SALE.COMPLETED.json', ['invoice-sync']],
  ['paypal', 'paypal/PAYMENT.SALE.DENIED.json', ['dunning-mail']],
  ['paypal', 'paypal/BILLING.SUBSCRIPTION.PAYMENT.FAILED.json', ['dunning-mail']],
  ['paypal', 'paypal/PAYMENT.SALE.REFUNDED.json', ['invoice-sync', 'dunning-mail']],
  ['paypal', 'paypal/PAYMENT.SALE.REVERSED.json', ['invoice-sync', 'dunning-mail']],
  ['campus', 'campus/form.b2b.angebot.submit.json', ['offer-mail', 'order-to-customer']],
  ['campus', 'campus/campus.zertifikat.ausstellen.json', ['certificate-mail']],
];

describe.each(accepted)('POST /webhooks/%s with %s', (source, fixture, queues) => {
  it('answers 202 once every routed queue holds the job, with the raw body and event key', async () => {
    const body = readFixture(fixture);
    const response = await receiver.post(source, body, { webhookId: 'msg_first' });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toMatchObject({ status: 'accepted', queues });
    const eventKey = response.body.eventKey as string;
    expect(eventKey).toMatch(new RegExp(`^${source}\\.`));
    for (const queue of queues) {
      const jobs = await jobsIn(receiver, queue);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.id).toBe(eventKey);
      expect(jobs[0]!.data).toMatchObject({ source, eventKey, rawBody: body });
      expect(jobs[0]!.data.senderRetryCount).toBe(source === 'fakturia' ? 0 : null);
    }
  });

  it('answers 200 duplicate for the same event again and still holds one job', async () => {
    const body = readFixture(fixture);
    const first = await receiver.post(source, body, { webhookId: 'msg_same' });
    const again = await receiver.post(source, body, { webhookId: 'msg_same' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'duplicate', eventKey: first.body.eventKey });
    for (const queue of queues) expect(await jobsIn(receiver, queue)).toHaveLength(1);
  });
});

describe('redeliveries', () => {
  it('treat a Fakturia redelivery with a higher retryCount as the same event', async () => {
    const first = await receiver.post('fakturia', readFixture('fakturia/DUNNING_CREATED.json'));
    const again = await receiver.post(
      'fakturia',
      readFixture('fakturia/DUNNING_CREATED-redelivery.json'),
    );
    expect(again.status).toBe(200);
    expect(again.body.eventKey).toBe(first.body.eventKey);
    expect(await jobsIn(receiver, 'dunning-mail')).toHaveLength(1);
  });

  it('re-queue an event whose job failed for good', async () => {
    const body = readFixture('fakturia/INVOICE_CREATED.json');
    const first = await receiver.post('fakturia', body);
    const [job] = await jobsIn(receiver, 'invoice-sync');
    // Fail the job the way a worker would after its last attempt.
    const { Worker, UnrecoverableError } = await import('bullmq');
    const worker = new Worker(
      'invoice-sync',
      async () => {
        throw new UnrecoverableError('Lexoffice refused the voucher');
      },
      { connection: { url: redis.url }, prefix: receiver.prefix, autorun: true },
    );
    await new Promise<void>((resolve) => worker.on('failed', () => resolve()));
    await worker.close();
    expect(await receiver.queues.domain['invoice-sync'].getJobState(job!.id!)).toBe('failed');

    const again = await receiver.post('fakturia', body);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({
      status: 'accepted',
      eventKey: first.body.eventKey,
      requeued: ['invoice-sync'],
    });
    expect(await receiver.queues.domain['invoice-sync'].getJobState(job!.id!)).toBe('waiting');
    expect(await jobsIn(receiver, 'invoice-sync')).toHaveLength(1);
  });

  it('complete an earlier delivery whose add never reached a queue', async () => {
    const body = readFixture('fakturia/DUNNING_CREATED.json');
    const first = await receiver.post('fakturia', body);
    // As if the receiver died between recording the key and adding the job.
    await receiver.queues.domain['dunning-mail'].remove(first.body.eventKey as string);
    const again = await receiver.post('fakturia', body);
    expect(again.status).toBe(202);
    expect(await jobsIn(receiver, 'dunning-mail')).toHaveLength(1);
  });
});

describe('events routed nowhere', () => {
  it('are accepted and de-duplicated, but queued nowhere', async () => {
    const body = readFixture('fakturia/TESTHOOK.json');
    const first = await receiver.post('fakturia', body);
    expect(first.status).toBe(202);
    expect(first.body.queues).toEqual([]);
    expect((await receiver.post('fakturia', body)).status).toBe(200);
    expect(await totalJobs(receiver)).toBe(0);
  });
});

describe('authentication', () => {
  const body = readFixture('fakturia/DUNNING_CREATED.json');

  it('reads the Fakturia token only from ?token=, the one place Fakturia can send it', async () => {
    const token = receiver.credentials.fakturiaToken!;
    const basic = `Basic ${Buffer.from(`fakturia:${token}`).toString('base64')}`;
    // Fakturia sends no headers of its own (docs/upstreams/fakturia.md): these are no credential.
    const notCredentials: Record<string, string>[] = [
      { authorization: `Bearer ${token}` },
      { authorization: basic },
      { 'x-webhook-token': token },
    ];
    for (const headers of notCredentials) {
      const response = await receiver.post('fakturia', body, { sign: false, headers });
      expect(response.status).toBe(401);
    }
    const twice = `?token=${encodeURIComponent(token)}&token=${encodeURIComponent(token)}`;
    expect((await receiver.post('fakturia', body, { query: twice })).status).toBe(401);
    expect((await receiver.post('fakturia', body, { query: '?token=wrong-token' })).status).toBe(
      401,
    );
    expect(await totalJobs(receiver)).toBe(0);
    const query = `?token=${encodeURIComponent(token)}`;
    expect((await receiver.post('fakturia', body, { sign: false, query })).status).toBe(202);
  });

  it.each([
    ['fakturia', 'fakturia/DUNNING_CREATED.json', {}],
    ['plenigo', 'plenigo/invoice-creation.json', { 'plenigo-signature': 't=1700000000,s=00ff' }],
    ['campus', 'campus/form.b2b.angebot.submit.json', { 'webhook-signature': 'v1,AAAA' }],
    ['paypal', 'paypal/PAYMENT.SALE.COMPLETED.json', { 'paypal-transmission-sig': 'AAAA' }],
  ])(
    'refuses %s with a bad credential (401) and stores nothing',
    async (source, fixture, headers) => {
      const signed = await receiver.post(source, readFixture(fixture), {
        headers,
        sign: Object.keys(headers).length > 0,
      });
      expect(signed.status).toBe(401);
      expect(signed.body).toEqual({ error: 'unauthorized' });
      expect(await totalJobs(receiver)).toBe(0);
    },
  );

  it('refuses a website signature older than five minutes', async () => {
    const fixture = 'campus/campus.zertifikat.ausstellen.json';
    // Signed six minutes before the receiver's clock.
    const stale = senderHeaders('campus', readFixture(fixture), receiver.credentials, {
      nowMs: receiver.clock.now - 6 * 60 * 1000,
    });
    const response = await receiver.post('campus', readFixture(fixture), {
      headers: stale,
      sign: false,
    });
    expect(response.status).toBe(401);
    expect(await totalJobs(receiver)).toBe(0);
  });

  it("accepts plenigo's retry a day later with its first signature, once, and refuses one past the retry schedule", async () => {
    // plenigo retries after 1 h, 6 h and 24 h; a retry may keep the `t` it was first signed with.
    const body = readFixture('plenigo/invoice-creation.json');
    const signedAt = (msAgo: number) =>
      senderHeaders('plenigo', body, receiver.credentials, { nowMs: receiver.clock.now - msAgo });
    const hour = 3600 * 1000;
    const retry = await receiver.post('plenigo', body, {
      headers: signedAt(24 * hour),
      sign: false,
    });
    expect(retry.status).toBe(202);
    // The same callback again, replayed or retried: a duplicate, never a second job.
    const replay = await receiver.post('plenigo', body, {
      headers: signedAt(25 * hour),
      sign: false,
    });
    expect(replay.status).toBe(200);
    expect(await jobsIn(receiver, 'invoice-sync')).toHaveLength(1);
    const tooOld = await receiver.post('plenigo', body, {
      headers: signedAt(33 * hour),
      sign: false,
    });
    expect(tooOld.status).toBe(401);
    const fromTheFuture = await receiver.post('plenigo', body, {
      headers: signedAt(-6 * 60 * 1000),
      sign: false,
    });
    expect(fromTheFuture.status).toBe(401);
  });

  it('refuses a PayPal certificate URL outside the allow-list without fetching it', async () => {
    const before = certs.downloads();
    const response = await receiver.post(
      'paypal',
      readFixture('paypal/PAYMENT.SALE.COMPLETED.json'),
      {
        headers: { 'paypal-cert-url': 'http://127.0.0.2:1/evil.pem' },
      },
    );
    expect(response.status).toBe(401);
    expect(certs.downloads()).toBe(before);
  });

  it('fetches the PayPal certificate once and caches it', async () => {
    await receiver.post('paypal', readFixture('paypal/PAYMENT.SALE.COMPLETED.json'));
    const after = certs.downloads();
    await receiver.post('paypal', readFixture('paypal/PAYMENT.SALE.DENIED.json'));
    expect(certs.downloads()).toBe(after);
  });

  it('refuses a PayPal body changed after signing', async () => {
    const body = readFixture('paypal/PAYMENT.SALE.COMPLETED.json');
    const headers = senderHeaders('paypal', body, receiver.credentials);
    const response = await receiver.post('paypal', body.replace('100.00', '1.00'), {
      headers,
      sign: false,
    });
    expect(response.status).toBe(401);
  });
});
