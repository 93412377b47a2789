import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { createCustomerDirectory, createInvoiceLedger, createSubscriptionLinks } from './index.js';

let server: TestRedis;
let redis: Redis;
beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.close();
});

describe('the customer directory', () => {
  it('merges updates, keeping fields an event left out, and erases a customer', async () => {
    const directory = createCustomerDirectory(redis, 'cd');
    const ref = { source: 'fakturia', id: 'K1234' } as const;
    await directory.upsert(ref, {
      email: 'mail@example.net',
      firstName: 'Holger',
      lastName: 'Tester',
    });
    await directory.upsert(ref, { prosonataAddressId: 7, email: undefined, lastName: '' });
    expect(await directory.get(ref)).toMatchObject({
      email: 'mail@example.net',
      firstName: 'Holger',
      lastName: 'Tester',
      prosonataAddressId: 7,
    });
    expect(await directory.erase(ref)).toBe(true);
    expect(await directory.get(ref)).toBeUndefined();
    expect(await redis.keys('cd:customer:*')).toEqual([]);
  });
});

describe('the invoice ledger and subscription links', () => {
  it('remember paid invoices and which contract a PayPal subscription belongs to', async () => {
    const ledger = createInvoiceLedger(redis, 'cd');
    expect(await ledger.paymentOf('RE-1')).toBeUndefined();
    await ledger.markPaid('RE-1', { paidAt: '2024-05-09', amount: 100, source: 'fakturia' });
    expect(await ledger.paymentOf('RE-1')).toEqual({
      paidAt: '2024-05-09',
      amount: 100,
      source: 'fakturia',
    });
    const links = createSubscriptionLinks(redis, 'cd');
    await links.link('I-BW452GLLEP1G', { contractNumber: 'V-1001', customerNumber: 'K1234' });
    expect(await links.find('I-BW452GLLEP1G')).toEqual({
      contractNumber: 'V-1001',
      customerNumber: 'K1234',
    });
  });
});
