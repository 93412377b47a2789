import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCustomerDirectory } from '@campus/customer-directory';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { startHarness, type Harness } from './harness.js';

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
beforeEach(async () => {
  await harness.control('POST', '/reset');
});
afterEach(async () => {
  await harness.stopWorkers();
});

const queueInvoice = (options: { attempts?: number } = {}) =>
  harness.queueEvent(
    'fakturia',
    'INVOICE_CREATED',
    readFixture('fakturia/INVOICE_CREATED.json'),
    options,
  );

const voucherPosts = async () =>
  (await harness.requests()).filter((r) => r.method === 'POST').length;

describe('one voucher per event', () => {
  it('finds the voucher an unanswered call created and does not create a second one', async () => {
    try {
      await harness.control('POST', '/lexoffice/fail', { count: 1, mode: 'timeout-after-work' });
      await harness.startWorker({ timeoutMs: 500 });

      const id = await queueInvoice();
      const job = await harness.settled(id);

      const vouchers = await harness.vouchers();
      expect(vouchers).toHaveLength(1);
      expect(job).toMatchObject({
        state: 'completed',
        attemptsMade: 2,
        returnvalue: { voucherId: vouchers[0]!.id, found: true },
      });
      expect(await voucherPosts()).toBe(1);
      const lists = (await harness.requests()).filter((r) => r.path.includes('/v1/voucherlist'));
      expect(lists).toHaveLength(1);
    } finally {
      await harness.stopWorkers();
    }
  });

  it('fails for good, saying what to check, when Lexoffice cannot be searched after a lost answer', async () => {
    // Without a voucher list the retry cannot tell whether the voucher exists.
    await harness.control('POST', '/lexoffice/voucherlist', { enabled: false });
    await harness.control('POST', '/lexoffice/fail', { count: 1, mode: 'timeout-after-work' });
    await harness.startWorker({ timeoutMs: 500 });

    const id = await queueInvoice({ attempts: 5 });
    const job = await harness.settled(id);

    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason).toMatch(
      /^VoucherOutcomeUnknownError: an earlier attempt sent the voucher for Fakturia-Rechnung RE-2024-000042 but got no answer/,
    );
    expect(job.failedReason).toContain(
      'Look in Lexoffice for a voucher with the remark "Referenz: Fakturia-Rechnung RE-2024-000042"',
    );
    expect(await harness.vouchers()).toHaveLength(1);
    expect(await voucherPosts()).toBe(1);
  });

  it('retries a voucher whose call failed with a 500 and creates it once', async () => {
    try {
      await harness.control('POST', '/lexoffice/fail', { count: 1, mode: 'error' });
      await harness.startWorker();

      const job = await harness.settled(await queueInvoice());

      expect(job).toMatchObject({ state: 'completed', attemptsMade: 2 });
      expect(await harness.vouchers()).toHaveLength(1);
      expect(await voucherPosts()).toBe(2);
    } finally {
      await harness.stopWorkers();
    }
  });

  it('waits out a 429 without using up an attempt', async () => {
    // Below one token per second the sandbox admits nothing: every call is limited.
    await harness.control('POST', '/lexoffice/rate-limit', { perSecond: 0.5 });
    await harness.startWorker();
    const id = await queueInvoice({ attempts: 1 });
    const deadline = Date.now() + 20_000;
    while (!(await harness.requests()).some((r) => r.status === 429)) {
      if (Date.now() > deadline) throw new Error('Lexoffice was never called');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await harness.control('POST', '/lexoffice/rate-limit', { perSecond: 2 });

    const job = await harness.settled(id);

    expect(job.state).toBe('completed');
    const statuses = (await harness.requests()).map((r) => r.status);
    expect(statuses[0]).toBe(429);
    expect(statuses.at(-1)).toBe(201);
    expect(await harness.vouchers()).toHaveLength(1);
  });
});
