import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from './index.js';

describe('startTestRedis', () => {
  let redis: TestRedis;
  afterAll(() => redis?.close());

  it('starts a real redis-server that can be stopped and started again', async () => {
    redis = await startTestRedis();
    const client = new Redis(redis.url, {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
    });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    await redis.stop();
    await expect(client.ping()).rejects.toThrow();
    await redis.start();
    client.disconnect();
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
  });
});
