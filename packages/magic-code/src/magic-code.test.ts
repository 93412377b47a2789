import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '@campus/testing';
import {
  allowCodeRequest,
  generateMagicCode,
  storeMagicCode,
  verifyMagicCode,
  type MagicCodeStore,
} from './index.js';

let server: TestRedis;
let redis: Redis;
let store: MagicCodeStore;
beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis(server.url);
  store = { redis, prefix: 'mc-test', secret: 'pepper' };
});
afterAll(async () => {
  redis.disconnect();
  await server.close();
});

describe('magic codes', () => {
  it('are 8 characters of A-Z and 0-9', () => {
    for (let i = 0; i < 50; i++) expect(generateMagicCode()).toMatch(/^[A-Z0-9]{8}$/);
  });

  it('verify once, for the right address only, and are stored only as a hash', async () => {
    await storeMagicCode(store, 'Max@Example.com', 'K7Q2M9XA');
    const keys = await redis.keys('mc-test:magic-codes:*');
    expect(keys).toHaveLength(1);
    expect(JSON.stringify(await redis.hgetall(keys[0]!))).not.toContain('K7Q2M9XA');
    expect(await redis.ttl(keys[0]!)).toBeGreaterThan(890);
    expect(await verifyMagicCode(store, 'other@example.com', 'K7Q2M9XA')).toBe('invalid');
    expect(await verifyMagicCode(store, ' max@example.com', 'k7q2m9xa')).toBe('valid');
    expect(await verifyMagicCode(store, 'max@example.com', 'K7Q2M9XA')).toBe('invalid');
  });

  it('keep every code mailed to an address valid until one of them is used', async () => {
    await storeMagicCode(store, 'double@example.com', 'FIRST111');
    await storeMagicCode(store, 'double@example.com', 'SECOND22');
    expect(await verifyMagicCode(store, 'double@example.com', 'FIRST111')).toBe('valid');
    expect(await verifyMagicCode(store, 'double@example.com', 'SECOND22')).toBe('invalid');

    await storeMagicCode(store, 'double@example.com', 'THIRD333');
    await storeMagicCode(store, 'double@example.com', 'FOURTH44');
    expect(await verifyMagicCode(store, 'double@example.com', 'FOURTH44')).toBe('valid');
    expect(await verifyMagicCode(store, 'double@example.com', 'THIRD333')).toBe('invalid');
  });

  it('let only one of two codes used at the same moment through', async () => {
    await storeMagicCode(store, 'race@example.com', 'RACE1111');
    await storeMagicCode(store, 'race@example.com', 'RACE2222');
    const outcomes = await Promise.all([
      verifyMagicCode(store, 'race@example.com', 'RACE1111'),
      verifyMagicCode(store, 'race@example.com', 'RACE2222'),
    ]);
    expect(outcomes.sort()).toEqual(['invalid', 'valid']);
  });

  it('expire each code 15 minutes after it was stored, not with the newest one', async () => {
    const start = Date.now();
    await storeMagicCode(store, 'late@example.com', 'EARLY111', start);
    await storeMagicCode(store, 'late@example.com', 'LATER222', start + 10 * 60_000);
    const afterFirst = start + 15 * 60_000 + 1;
    expect(await verifyMagicCode(store, 'late@example.com', 'EARLY111', afterFirst)).toBe(
      'invalid',
    );
    expect(await verifyMagicCode(store, 'late@example.com', 'LATER222', afterFirst)).toBe('valid');
  });

  it('lock after five failed tries, even with the right code', async () => {
    await storeMagicCode(store, 'lock@example.com', 'AAAABBBB');
    for (let i = 0; i < 5; i++)
      expect(await verifyMagicCode(store, 'lock@example.com', 'WRONG000')).toBe('invalid');
    expect(await verifyMagicCode(store, 'lock@example.com', 'AAAABBBB')).toBe('locked');
  });

  it('allow five requests per address and window', async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await allowCodeRequest(store, 'many@example.com'));
    expect(results).toEqual([true, true, true, true, true, false]);
  });
});
