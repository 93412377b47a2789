import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { jobsIn, startReceiver, type ReceiverUnderTest } from './harness.js';

let redis: TestRedis;
let receiver: ReceiverUnderTest;

beforeAll(async () => {
  redis = await startTestRedis();
  receiver = await startReceiver(redis, { ENQUEUE_TIMEOUT_MS: '500' });
});
afterAll(async () => {
  await receiver?.close();
  await redis?.close();
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('when Redis is down', () => {
  it('answers 503 with Retry-After, never a 2xx, and serves again once Redis is back', async () => {
    await redis.stop();
    const bodies = ['fakturia/DUNNING_CREATED.json', 'fakturia/INVOICE_CREATED.json'].map(
      readFixture,
    );
    for (const body of bodies) {
      const response = await receiver.post('fakturia', body);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.body).toEqual({ error: 'unavailable' });
    }
    const malformed = await receiver.post(
      'plenigo',
      readFixture('plenigo/app-store-subscription-creation.malformed.txt'),
    );
    expect(malformed.status).toBe(503);
    expect((await fetch(`${receiver.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${receiver.url}/healthz`)).status).toBe(200);

    await redis.start();
    await eventually(async () => (await fetch(`${receiver.url}/readyz`)).status === 200);
    // The sender retries what got 503: every event arrives, once.
    for (const body of bodies) expect((await receiver.post('fakturia', body)).status).toBe(202);
    expect(await jobsIn(receiver, 'dunning-mail')).toHaveLength(1);
    expect(await jobsIn(receiver, 'invoice-sync')).toHaveLength(1);
  });
});
