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
    const keys = await redis.keys('mc-test:magic-code:*');
    expect(keys).toHaveLength(1);
    expect(await redis.get(keys[0]!)).not.toContain('K7Q2M9XA');
    expect(await redis.ttl(keys[0]!)).toBeGreaterThan(890);
    expect(await verifyMagicCode(store, 'other@example.com', 'K7Q2M9XA')).toBe('invalid');
    expect(await verifyMagicCode(store, ' max@example.com', 'K7Q2M9XA')).toBe('valid');
    expect(await verifyMagicCode(store, 'max@example.com', 'K7Q2M9XA')).toBe('invalid');
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
