import { describe, expect } from 'vitest';
import { readFixture } from '@campus/testing';
import { vouchers, worldTest as test } from './world.js';

/** The part of the sandbox's `/_control/lexoffice/rate` this test reads. */
interface RateReport {
  seconds: { second: string; received: number; admitted: number; limited: number }[];
  maxReceivedPerSecond: number;
  maxAdmittedInAnyWindow: number;
}

/** Fakturia's INVOICE_CREATED triggered at another second: another event, another key. */
const invoiceAt = (second: number) =>
  readFixture('fakturia/INVOICE_CREATED.json').replace(
    '"triggerDate": "2024-05-01T06:00:12"',
    `"triggerDate": "2024-05-01T06:01:${String(second).padStart(2, '0')}"`,
  );

describe("Lexoffice's account limit", () => {
  test('keeps three worker processes together to 2 requests per second', async ({
    world,
    startWorker,
  }) => {
    await world.directory.upsert(
      { source: 'fakturia', id: 'K1234' },
      { firstName: 'Holger', lastName: 'Tester' },
    );
    await Promise.all([startWorker(), startWorker(), startWorker()]);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await world.deliver('fakturia', invoiceAt(i))).eventKey);

    const jobs = await Promise.all(ids.map((id) => world.settled(id, 60_000)));

    expect(new Set(ids).size).toBe(20);
    expect(jobs.map((j) => j.state)).toEqual(ids.map(() => 'completed'));
    expect(await vouchers(world)).toHaveLength(20);
    const rate = await world.control<RateReport>('GET', '/lexoffice/rate');
    expect(rate.maxReceivedPerSecond).toBeLessThanOrEqual(2);
  }, 90_000);
});
