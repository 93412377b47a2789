import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerDirectory } from '@campus/customer-directory';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { startHarness, type Harness } from './harness.js';

/** The part of the sandbox's `/_control/lexoffice/rate` this test reads. */
interface RateReport {
  seconds: { second: string; received: number; admitted: number; limited: number }[];
  maxReceivedPerSecond: number;
  maxAdmittedInAnyWindow: number;
}

let redis: TestRedis;
let harness: Harness;

beforeAll(async () => {
  redis = await startTestRedis();
  harness = await startHarness(redis);
  await createCustomerDirectory(harness.inspect, harness.prefix).upsert(
    { source: 'fakturia', id: 'K1234' },
    { firstName: 'Holger', lastName: 'Tester' },
  );
});
afterAll(async () => {
  await harness?.close();
  await redis?.close();
});

describe("Lexoffice's account limit", () => {
  it('keeps three worker processes together to 2 requests per second', async () => {
    await Promise.all([harness.startWorker(), harness.startWorker(), harness.startWorker()]);
    const body = readFixture('fakturia/INVOICE_CREATED.json');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push(await harness.queueEvent('fakturia', 'INVOICE_CREATED', body));

    const jobs = await Promise.all(ids.map((id) => harness.settled(id, 60_000)));

    expect(jobs.map((j) => j.state)).toEqual(ids.map(() => 'completed'));
    expect(await harness.vouchers()).toHaveLength(20);
    const rate = await harness.control<RateReport>('GET', '/lexoffice/rate');
    expect(rate.maxReceivedPerSecond).toBeLessThanOrEqual(2);
  }, 90_000);
});
