import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { createStatsRecorder, readSourceStats } from './stats.js';

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

describe('source statistics', () => {
  it('sum outcomes per source over the last hour, across flushes', async () => {
    const stats = createStatsRecorder(redis, 'st', 60_000);
    stats.count('fakturia', 'accepted');
    stats.count('fakturia', 'accepted');
    stats.count('plenigo', 'rejected');
    await stats.flush();
    stats.count('fakturia', 'duplicate');
    await stats.close();
    expect(await readSourceStats(redis, 'st')).toEqual({
      fakturia: { accepted: 2, duplicate: 1 },
      plenigo: { rejected: 1 },
    });
    expect(await readSourceStats(redis, 'st', 60, Date.now() + 2 * 60 * 60_000)).toEqual({});
  });
});
