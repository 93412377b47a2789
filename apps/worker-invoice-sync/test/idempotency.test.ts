import { describe, expect } from 'vitest';
import { waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { lexofficeRequests, vouchers, worldTest as test } from './world.js';

test.beforeEach(async ({ world }) => {
  await world.directory.upsert(
    { source: 'fakturia', id: 'K1234' },
    { firstName: 'Holger', lastName: 'Tester' },
  );
});

/** Fakturia's INVOICE_CREATED; `attempts` instead of the world's 3. */
const deliverInvoice = async (world: WorkerWorld, attempts = 3) => {
  const retries = { attempts, backoffMs: 100 };
  return (await world.deliver('fakturia', 'fakturia/INVOICE_CREATED.json', { retries })).eventKey;
};

const voucherPosts = async (world: WorkerWorld) =>
  (await lexofficeRequests(world)).filter((r) => r.method === 'POST').length;

describe('one voucher per event', () => {
  test('finds the voucher an unanswered call created and does not create a second one', async ({
    world,
    startWorker,
  }) => {
    await world.control('POST', '/lexoffice/fail', { count: 1, mode: 'timeout-after-work' });
    await startWorker({ timeoutMs: 500 });

    const id = await deliverInvoice(world);
    const job = await world.settled(id);

    const stored = await vouchers(world);
    expect(stored).toHaveLength(1);
    expect(job).toMatchObject({
      state: 'completed',
      attemptsMade: 2,
      returnvalue: { voucherId: stored[0]!.id, found: true },
    });
    expect(await voucherPosts(world)).toBe(1);
    const lists = (await lexofficeRequests(world)).filter((r) =>
      r.path.includes('/v1/voucherlist'),
    );
    expect(lists).toHaveLength(1);
  });

  test('fails for good, saying what to check, when Lexoffice cannot be searched after a lost answer', async ({
    world,
    startWorker,
  }) => {
    // Without a voucher list the retry cannot tell whether the voucher exists.
    await world.control('POST', '/lexoffice/voucherlist', { enabled: false });
    await world.control('POST', '/lexoffice/fail', { count: 1, mode: 'timeout-after-work' });
    await startWorker({ timeoutMs: 500 });

    const id = await deliverInvoice(world, 5);
    const job = await world.settled(id);

    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason).toMatch(
      /^VoucherOutcomeUnknownError: an earlier attempt sent the voucher for Fakturia-Rechnung RE-2024-000042 but got no answer/,
    );
    expect(job.failedReason).toContain(
      'Look in Lexoffice for a voucher with the remark "Referenz: Fakturia-Rechnung RE-2024-000042"',
    );
    expect(await vouchers(world)).toHaveLength(1);
    expect(await voucherPosts(world)).toBe(1);
  });

  test('retries a voucher whose call failed with a 500 and creates it once', async ({
    world,
    startWorker,
  }) => {
    await world.control('POST', '/lexoffice/fail', { count: 1, mode: 'error' });
    await startWorker();

    const job = await world.settled(await deliverInvoice(world));

    expect(job).toMatchObject({ state: 'completed', attemptsMade: 2 });
    expect(await vouchers(world)).toHaveLength(1);
    expect(await voucherPosts(world)).toBe(2);
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
    expect(statuses.at(-1)).toBe(201);
    expect(await vouchers(world)).toHaveLength(1);
  });
});
