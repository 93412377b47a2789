import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, readFixture, spawnApp, startTestRedis, type TestRedis } from '@campus/testing';
import { SANDBOX_SECRETS } from '@campus/config';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.close();
});

describe('the receiver process', () => {
  it('serves health and readiness, and metrics on their own loopback listener only', async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const app = spawnApp('receiver', {
      REDIS_URL: redis.url,
      RECEIVER_PORT: String(port),
      RECEIVER_METRICS_PORT: String(metricsPort),
      QUEUE_PREFIX: 'proc1',
    });
    try {
      await app.waitFor(/receiver listening/);
      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
      await fetch(`${base}/webhooks/fakturia?token=${SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: readFixture('fakturia/DUNNING_CREATED.json'),
      });
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      expect(app.output()).toContain(`metrics on http://127.0.0.1:${metricsPort}/metrics`);
      const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(metrics).toContain(
        'campus_webhook_requests_total{source="fakturia",status="202",outcome="accepted"} 1',
      );
      expect(metrics).toContain('campus_queue_jobs{queue="dunning-mail",state="waiting"} 1');
      expect(metrics).toMatch(/campus_enqueue_duration_seconds_count\{source="fakturia"\} 1/);
    } finally {
      await app.stop();
    }
  });

  it('finishes a request in flight on SIGTERM, then exits 0', async () => {
    const port = await freePort();
    const app = spawnApp('receiver', {
      REDIS_URL: redis.url,
      RECEIVER_PORT: String(port),
      QUEUE_PREFIX: 'proc2',
    });
    await app.waitFor(/receiver listening/);
    const body = readFixture('fakturia/INVOICE_CREATED.json');
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/webhooks/fakturia?token=${SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN}`,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // Half the body now, the rest after the process was told to stop.
      req.write(body.slice(0, 100));
      setTimeout(() => {
        app.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(100)), 300);
      }, 200);
    });
    const { status, text } = await answer;
    expect(status).toBe(202);
    expect(JSON.parse(text).status).toBe('accepted');
    expect(await app.exited).toBe(0);
    expect(app.output()).toContain('stopped');
  });

  it('stops with a message naming each missing secret in production mode', async () => {
    const app = spawnApp('receiver', {
      REDIS_URL: redis.url,
      CAMPUS_MODE: 'production',
      RECEIVER_SOURCES: 'fakturia,campus',
    });
    expect(await app.exited).toBe(78);
    expect(app.output()).toContain('FAKTURIA_WEBHOOK_TOKEN is missing');
    expect(app.output()).toContain('CAMPUS_WEBHOOK_SECRET is missing');
    expect(app.output()).toContain('MAGIC_CODE_SECRET is missing');
    expect(app.output()).not.toContain('PAYPAL_CLIENT_SECRET');
  });
});
