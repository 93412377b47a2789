import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, readFixture, spawnApp, startTestRedis, type TestRedis } from '@campus/testing';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.close();
});

/** Every value Redis holds, as text: for "no copy of X anywhere" checks. */
async function everythingIn(url: string): Promise<string> {
  const client = new Redis(url);
  try {
    const parts: string[] = [];
    for (const key of await client.keys('*')) {
      const type = await client.type(key);
      const value =
        type === 'string'
          ? await client.get(key)
          : type === 'hash'
            ? await client.hgetall(key)
            : type === 'list'
              ? await client.lrange(key, 0, -1)
              : type === 'set'
                ? await client.smembers(key)
                : type === 'zset'
                  ? await client.zrange(key, 0, -1)
                  : type === 'stream'
                    ? await client.xrange(key, '-', '+')
                    : type;
      parts.push(key, JSON.stringify(value));
    }
    return parts.join('\n');
  } finally {
    client.disconnect();
  }
}

describe("Fakturia's token in the webhook URL", () => {
  it('appears in no log line, metric, stored job or answer of the receiver, whatever the outcome', async () => {
    const token = `tok-${randomBytes(16).toString('hex')}`;
    const wrong = `wrong-${randomBytes(16).toString('hex')}`;
    const [port, metricsPort] = [await freePort(), await freePort()];
    const app = spawnApp('receiver', {
      REDIS_URL: redis.url,
      RECEIVER_PORT: String(port),
      RECEIVER_METRICS_PORT: String(metricsPort),
      QUEUE_PREFIX: 'tok',
      LOG_LEVEL: 'trace',
      FAKTURIA_WEBHOOK_TOKEN: token,
    });
    try {
      await app.waitFor(/receiver listening/);
      const base = `http://127.0.0.1:${port}`;
      const post = async (path: string, body: string, contentType = 'application/json') => {
        const response = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body,
        });
        return { status: response.status, text: await response.text() };
      };
      const fixture = readFixture('fakturia/DUNNING_CREATED.json');
      const answers = [
        await post(`/webhooks/fakturia?token=${token}`, fixture),
        await post(`/webhooks/fakturia?token=${token}`, fixture),
        await post(`/webhooks/fakturia?token=${wrong}`, fixture),
        await post(`/webhooks/fakturia?token=${token}`, '{"eventType":"DUNNING_CREATED"}'),
        await post(`/webhooks/fakturia?token=${token}`, '{not json'),
        await post(`/webhooks/fakturia?token=${token}`, fixture, 'text/plain'),
        await post(`/webhooks/nope?token=${token}`, fixture),
        await post(`/webhooks/fakturia/?token=${token}&token=${wrong}`, fixture),
      ];
      expect(answers.map((a) => a.status)).toEqual([202, 200, 401, 422, 400, 415, 404, 401]);
      const get = await fetch(`${base}/webhooks/fakturia?token=${token}`);
      expect(get.status).toBe(405);
      answers.push({ status: get.status, text: await get.text() });
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).toContain('campus_webhook_requests_total{source="fakturia",status="202"');

      // Every request above was logged (access log at info, more at trace)…
      await app.stop('SIGTERM');
      const output = app.output();
      expect(output.match(/"msg":"webhook"/g)).toHaveLength(8);
      // …and not one line, metric, answer or stored job carries either token.
      for (const secret of [token, wrong]) {
        expect(output).not.toContain(secret);
        expect(metrics).not.toContain(secret);
        expect(answers.map((a) => a.text).join('\n')).not.toContain(secret);
        expect(await everythingIn(redis.url)).not.toContain(secret);
      }
      expect(output).not.toContain('token=');
    } finally {
      await app.stop();
    }
  });
});
