import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { runOnce } from './idempotency.js';

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

describe('runOnce', () => {
  it('does the effect once when two attempts run at the same moment', async () => {
    let effects = 0;
    const effect = async () => {
      effects++;
      await new Promise((r) => setTimeout(r, 300));
      return 'sent';
    };
    const options = { ttlSeconds: 60, leaseMs: 5_000, pollMs: 20 };
    const results = await Promise.all([
      runOnce(redis, 'once:a', options, effect),
      runOnce(redis, 'once:a', options, effect),
    ]);
    expect(results).toEqual(['sent', 'sent']);
    expect(effects).toBe(1);
  });

  it('lets a later attempt do the effect when the first one failed', async () => {
    const options = { ttlSeconds: 60, leaseMs: 5_000, pollMs: 20 };
    await expect(
      runOnce(redis, 'once:b', options, async () => {
        throw new Error('SMTP 451');
      }),
    ).rejects.toThrow('SMTP 451');
    expect(await runOnce(redis, 'once:b', options, async () => 'second try')).toBe('second try');
  });

  it('takes over a claim whose holder died once its lease ran out', async () => {
    await redis.set('once:c:claim', 'dead-worker', 'PX', 200);
    const started = Date.now();
    expect(
      await runOnce(
        redis,
        'once:c',
        { ttlSeconds: 60, leaseMs: 200, pollMs: 20 },
        async () => 'done',
      ),
    ).toBe('done');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});
