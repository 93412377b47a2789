import { describe, expect } from 'vitest';
import { waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import {
  lexofficeFiles,
  lexofficeRequests,
  seedFakturiaDocuments,
  vouchers,
  worldTest as test,
} from './world.js';

test.beforeEach(async ({ world }) => {
  await world.directory.upsert(
    { source: 'fakturia', id: 'K1234' },
    { firstName: 'Holger', lastName: 'Tester' },
  );
  await seedFakturiaDocuments(world, 'RE-2024-000042');
});

/** Fakturia's INVOICE_CREATED; `attempts` instead of the world's 3. */
const deliverInvoice = async (world: WorkerWorld, attempts = 3) => {
  const retries = { attempts, backoffMs: 100 };
  return (await world.deliver('fakturia', 'fakturia/INVOICE_CREATED.json', { retries })).eventKey;
};

const calls = async (world: WorkerWorld, method: string, path: RegExp) =>
  (await lexofficeRequests(world)).filter((r) => r.method === method && path.test(r.path));
const VOUCHERS = /\/v1\/vouchers$/;

/** The vouchers the stand-in holds under Fakturia's invoice number. */
const underNumber = async (world: WorkerWorld) =>
  (await vouchers(world)).filter((v) => v.voucherNumber === 'RE-2024-000042');

describe('one voucher per invoice number', () => {
  test('a voucher call that hangs after Lexoffice did the work still gives one voucher per number, with two invoice-sync processes', async ({
    world,
    startWorker,
  }) => {
    await world.control('POST', '/lexoffice/fail', {
      count: 1,
      mode: 'timeout-after-work',
      path: VOUCHERS.source,
    });
    await startWorker({ timeoutMs: 500 });
    await startWorker({ timeoutMs: 500 });

    const job = await world.settled(await deliverInvoice(world));

    const stored = await underNumber(world);
    expect(stored).toHaveLength(1);
    expect(job).toMatchObject({
      state: 'completed',
      attemptsMade: 2,
      returnvalue: { voucherId: stored[0]!.id, voucherNumber: 'RE-2024-000042', found: true },
    });
    expect(await calls(world, 'POST', VOUCHERS)).toHaveLength(1);
    const searches = await calls(world, 'GET', /\/v1\/voucherlist$/);
    expect(searches.map((r) => r.query)).toEqual([
      expect.objectContaining({
        voucherType: 'salesinvoice',
        voucherNumber: 'RE-2024-000042',
        voucherDateFrom: '2024-05-01',
        voucherDateTo: '2024-05-01',
      }),
    ]);
    // The retry attached Fakturia's PDF to the voucher the lost call had created.
    expect(stored[0]!.files).toHaveLength(1);
  });

  test('fails for good, saying what to look for, when Lexoffice cannot be searched after a lost answer', async ({
    world,
    startWorker,
  }) => {
    // Without a voucher list the retry cannot tell whether the voucher exists.
    await world.control('POST', '/lexoffice/voucherlist', { enabled: false });
    await world.control('POST', '/lexoffice/fail', { count: 1, mode: 'timeout-after-work' });
    await startWorker({ timeoutMs: 500 });

    const job = await world.settled(await deliverInvoice(world, 5));

    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason).toMatch(
      /^VoucherOutcomeUnknownError: an earlier attempt sent the voucher for Fakturia-Rechnung RE-2024-000042 but got no answer/,
    );
    expect(job.failedReason).toContain(
      'Look in Lexoffice for a salesinvoice with the voucher number "RE-2024-000042" dated 2024-05-01',
    );
    expect(await underNumber(world)).toHaveLength(1);
    expect(await calls(world, 'POST', VOUCHERS)).toHaveLength(1);
  });

  test('retries a voucher whose call failed with a 500 and books it once', async ({
    world,
    startWorker,
  }) => {
    await world.control('POST', '/lexoffice/fail', { count: 1, mode: 'error' });
    await startWorker();

    const job = await world.settled(await deliverInvoice(world));

    expect(job).toMatchObject({ state: 'completed', attemptsMade: 2 });
    expect(await underNumber(world)).toHaveLength(1);
    expect(await calls(world, 'POST', VOUCHERS)).toHaveLength(2);
  });

  test("attaches Fakturia's PDF once when the answer to the upload is lost", async ({
    world,
    startWorker,
  }) => {
    await world.control('POST', '/lexoffice/fail', {
      count: 1,
      mode: 'timeout-after-work',
      path: '/files$',
    });
    await startWorker({ timeoutMs: 500 });

    const job = await world.settled(await deliverInvoice(world));

    const [voucher] = await underNumber(world);
    const files = await lexofficeFiles(world);
    expect(files).toHaveLength(1);
    expect(voucher!.files).toEqual([files[0]!.id]);
    expect(job).toMatchObject({
      state: 'completed',
      attemptsMade: 2,
      returnvalue: { voucherId: voucher!.id, fileId: files[0]!.id },
    });
    expect(await calls(world, 'POST', /\/files$/)).toHaveLength(1);
    expect(await calls(world, 'POST', VOUCHERS)).toHaveLength(1);
  });

  test('waits out a 429 without using up an attempt', async ({ world, startWorker }) => {
    // Below one token per second the sandbox admits nothing: every call is limited.
    await world.control('POST', '/lexoffice/rate-limit', { perSecond: 0.5 });
    await startWorker();
    const id = await deliverInvoice(world, 1);
    await waitFor('Lexoffice to answer 429', async () =>
      (await lexofficeRequests(world)).some((r) => r.status === 429),
    );
    await world.control('POST', '/lexoffice/rate-limit', { perSecond: 2 });

    const job = await world.settled(id);

    expect(job.state).toBe('completed');
    const statuses = (await lexofficeRequests(world)).map((r) => r.status);
    expect(statuses[0]).toBe(429);
    expect(statuses.slice(-2)).toEqual([201, 202]);
    expect(await underNumber(world)).toHaveLength(1);
  });
});
