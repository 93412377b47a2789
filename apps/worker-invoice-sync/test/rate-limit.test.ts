import { describe, expect } from 'vitest';
import { readFixture } from '@campus/testing';
import { seedFakturiaDocuments, vouchers, worldTest as test } from './world.js';

/** The part of the sandbox's `/_control/lexoffice/rate` this test reads. */
interface RateReport {
  seconds: { second: string; received: number; admitted: number; limited: number }[];
  maxReceivedPerSecond: number;
  maxAdmittedInAnyWindow: number;
}

const INVOICES = 12;
const numberOf = (i: number) => `RE-2024-0001${String(i).padStart(2, '0')}`;

/** Fakturia's INVOICE_CREATED for another invoice: another event, another voucher number. */
const invoice = (i: number) =>
  readFixture('fakturia/INVOICE_CREATED.json').replace('RE-2024-000042', numberOf(i));

describe("Lexoffice's account limit", () => {
  test('keeps three worker processes together to 2 requests per second', async ({
    world,
    startWorker,
  }) => {
    await world.directory.upsert(
      { source: 'fakturia', id: 'K1234' },
      { firstName: 'Holger', lastName: 'Tester' },
    );
    const numbers = Array.from({ length: INVOICES }, (_, i) => numberOf(i));
    await seedFakturiaDocuments(world, ...numbers);
    await Promise.all([startWorker(), startWorker(), startWorker()]);
    const ids: string[] = [];
    for (let i = 0; i < INVOICES; i++)
      ids.push((await world.deliver('fakturia', invoice(i))).eventKey);

    // Each invoice is two requests (the voucher, its PDF): 24 at 2 per second.
    const jobs = await Promise.all(ids.map((id) => world.settled(id, 60_000)));

    expect(jobs.map((j) => j.state)).toEqual(ids.map(() => 'completed'));
    expect((await vouchers(world)).map((v) => v.voucherNumber).sort()).toEqual(numbers);
    const rate = await world.control<RateReport>('GET', '/lexoffice/rate');
    expect(rate.maxReceivedPerSecond).toBeLessThanOrEqual(2);
  }, 90_000);
});
