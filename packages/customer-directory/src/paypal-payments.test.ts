import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { createPaypalPayments, type PaypalPayments } from './index.js';

let server: TestRedis;
let redis: Redis;
let payments: PaypalPayments;
beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis(server.url);
  payments = createPaypalPayments(redis, 'pp');
});
beforeEach(() => redis.flushall());
afterAll(async () => {
  redis.disconnect();
  await server.close();
});

const sale = (saleId: string, paidAt: string, amount = 100) => ({
  saleId,
  contractNumber: 'V-1001',
  amount,
  currency: 'EUR',
  paidAt,
});

describe('PayPal payments', () => {
  it("keep a contract's sales, oldest first, each counting in full until something goes back", async () => {
    await payments.recordSale(sale('S-2', '2024-07-03T09:00:00Z'));
    await payments.recordSale(sale('S-1', '2024-06-03T09:00:00Z'));
    await payments.recordSale(sale('S-1', '2024-06-03T09:00:00Z'));

    const sales = await payments.salesOf('V-1001');
    expect(sales.map((s) => [s.saleId, s.net])).toEqual([
      ['S-1', 100],
      ['S-2', 100],
    ]);
    expect(await payments.salesOf('V-9999')).toEqual([]);
    expect(await redis.ttl('pp:paypal-sale:S-1')).toBeGreaterThan(399 * 24 * 3600);
  });

  it('count a partial refund once however often it is delivered, and a full reversal as nothing left', async () => {
    await payments.recordSale(sale('S-1', '2024-06-03T09:00:00Z'));
    const refund = {
      eventId: 'WH-R1',
      kind: 'refund' as const,
      amount: 30,
      at: '2024-06-10T00:00:00Z',
    };
    await payments.recordReturn('S-1', refund);
    await payments.recordReturn('S-1', refund);
    expect((await payments.sale('S-1'))?.net).toBe(70);

    await payments.recordReturn('S-1', {
      eventId: 'WH-R2',
      kind: 'reversal',
      amount: 70,
      at: '2024-06-12T00:00:00Z',
    });
    expect(await payments.sale('S-1')).toMatchObject({
      net: 0,
      returns: [refund, { eventId: 'WH-R2' }],
    });
  });

  it('make a sale whose return came first count for nothing when it arrives', async () => {
    await payments.recordReturn('S-1', {
      eventId: 'WH-R1',
      kind: 'refund',
      at: '2024-06-10T00:00:00Z',
    });
    expect(await payments.sale('S-1')).toMatchObject({ saleId: 'S-1', net: 0 });
    await payments.recordSale(sale('S-1', '2024-06-03T09:00:00Z'));
    expect(await payments.salesOf('V-1001')).toMatchObject([
      { saleId: 'S-1', contractNumber: 'V-1001', amount: 100, net: 0 },
    ]);
  });
});
