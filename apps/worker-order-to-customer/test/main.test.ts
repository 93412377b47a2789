import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFixture, spawnApp } from '@campus/testing';
import { PREFIX, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

it('runs as its own process: files the address, logs no personal data, stops cleanly on SIGTERM', async () => {
  const app = spawnApp('worker-order-to-customer', {
    CAMPUS_MODE: 'sandbox',
    REDIS_URL: h.redisUrl,
    QUEUE_PREFIX: PREFIX,
    PROSONATA_API_URL: `${h.sandbox.url}/prosonata`,
    PROSONATA_API_KEY: 'process-test-key',
    LOG_LEVEL: 'debug',
  });
  try {
    await app.waitFor(/worker-order-to-customer started/);
    const id = await h.deliver('fakturia', readFixture('fakturia/CUSTOMER_CREATED.json'));
    expect((await h.settle(id)).state).toBe('completed');
    expect(await h.addresses()).toMatchObject([{ name1: 'Holger Tester', city: 'Testhausen' }]);
    await app.waitFor(/ProSonata address filed/);
  } finally {
    expect(await app.stop('SIGTERM')).toBe(0);
  }
  const output = app.output();
  expect(output).toContain('fakturia:K1234');
  for (const secret of ['process-test-key', 'mail@example.net', 'Holger', 'Tester', 'Teststraße'])
    expect(output).not.toContain(secret);
}, 60_000);
