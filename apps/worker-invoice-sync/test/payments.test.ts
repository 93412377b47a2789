import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInvoiceLedger, createSubscriptionLinks } from '@campus/customer-directory';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { startHarness, type Harness } from './harness.js';

let redis: TestRedis;
let harness: Harness;

beforeAll(async () => {
  redis = await startTestRedis();
  harness = await startHarness(redis);
  await harness.startWorker();
});
afterAll(async () => {
  await harness?.close();
  await redis?.close();
});
beforeEach(async () => {
  await harness.control('POST', '/reset');
  await harness.inspect.del(
    `${harness.prefix}:invoice-paid:RE-2024-000042`,
    `${harness.prefix}:invoice-paid:contract:V-1001`,
    `${harness.prefix}:invoice-paid:contract:V-2002`,
  );
});

const ledger = () => createInvoiceLedger(harness.inspect, harness.prefix);

describe('payments', () => {
  it('records a Fakturia payment under its invoice number, so dunning stops', async () => {
    const id = await harness.queueEvent(
      'fakturia',
      'INVOICE_PAYMENT_RECEIVED',
      readFixture('fakturia/INVOICE_PAYMENT_RECEIVED.json'),
    );

    expect(await harness.settled(id)).toMatchObject({
      state: 'completed',
      returnvalue: { ledgerKey: 'RE-2024-000042' },
    });
    expect(await ledger().paymentOf('RE-2024-000042')).toEqual({
      paidAt: '2024-05-09',
      amount: 100,
      source: 'fakturia',
    });
    expect(await harness.requests()).toEqual([]);
  });

  it('records a PayPal payment under the contract its subscription is linked to', async () => {
    await createSubscriptionLinks(harness.inspect, harness.prefix).link('I-BW452GLLEP1G', {
      contractNumber: 'V-2002',
      customerNumber: 'K1234',
    });
    const id = await harness.queueEvent(
      'paypal',
      'PAYMENT.SALE.COMPLETED',
      readFixture('paypal/PAYMENT.SALE.COMPLETED.json'),
    );

    expect(await harness.settled(id)).toMatchObject({ state: 'completed' });
    expect(await ledger().paymentOf('contract:V-2002')).toEqual({
      paidAt: '2024-06-03T09:14:58Z',
      amount: 100,
      source: 'paypal',
    });
    await harness.inspect.del(`${harness.prefix}:paypal-subscription:I-BW452GLLEP1G`);
  });

  it('records a PayPal payment of an unlinked subscription under the contract in custom', async () => {
    const id = await harness.queueEvent(
      'paypal',
      'PAYMENT.SALE.COMPLETED',
      readFixture('paypal/PAYMENT.SALE.COMPLETED.json'),
    );

    expect(await harness.settled(id)).toMatchObject({
      state: 'completed',
      returnvalue: { ledgerKey: 'contract:V-1001' },
    });
    expect(await ledger().paymentOf('contract:V-1001')).toMatchObject({ source: 'paypal' });
  });
});
