import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@campus/config';
import { createLogger } from '@campus/logger';
import {
  createProducerConnection,
  createQueueSet,
  createStatsRecorder,
  createWorkerConnection,
  quarantinePayload,
  waitUntilReady,
  type QueueSet,
} from '@campus/queues';
import { readFixture, spawnApp, startTestRedis, type TestRedis } from '@campus/testing';
import type { RedisClient } from '@campus/queues';
import { createDashboard } from '../src/app.js';
import { createQuarantineReplay } from '../src/quarantine-replay.js';

let redis: TestRedis;
let connection: RedisClient;
let queues: QueueSet;
let server: Server;
let replay: Worker;
let base: string;
const prefix = 'dash';
const config = loadConfig(['dashboard', 'queues'], { QUEUE_PREFIX: prefix });

beforeAll(async () => {
  redis = await startTestRedis();
  connection = createProducerConnection(redis.url, { enableOfflineQueue: true });
  await waitUntilReady(connection, 5_000);
  queues = createQueueSet(connection, prefix, config.queues);
  const logger = createLogger({ name: 'dashboard-test', level: 'silent' });
  server = createDashboard({ config, redis: connection, queues, logger }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  replay = new Worker('quarantine', createQuarantineReplay(connection, queues, 3600), {
    connection: createWorkerConnection(redis.url),
    prefix,
    skipVersionCheck: true,
  });
});
afterAll(async () => {
  await replay?.close();
  server?.close();
  await queues?.close();
  connection?.disconnect();
  await redis?.close();
});

async function login(user = config.dashboard.user!, password = config.dashboard.password!) {
  return fetch(`${base}/login?next=/queues`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user, password }),
    redirect: 'manual',
  });
}

async function session(): Promise<string> {
  const response = await login();
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function settledJob(id: string, state: 'failed' | 'completed') {
  for (let i = 0; i < 100; i++) {
    // State first, then the job: a job read before it settled would lack its outcome.
    if ((await queues.quarantine.getJobState(id)) === state)
      return (await queues.quarantine.getJob(id))!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`quarantine job ${id} never became ${state}`);
}

describe('the dashboard login', () => {
  it('sends a visitor without a session to the login page, and refuses the API', async () => {
    const page = await fetch(`${base}/`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2F');
    const api = await fetch(`${base}/queues/api/queues`);
    expect(api.status).toBe(401);
  });

  it('refuses a wrong password, then lets the operator in with an HttpOnly session', async () => {
    const wrong = await login('operator', 'nope');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Benutzer oder Passwort ist falsch.');
    const right = await login();
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/queues');
    expect(right.headers.get('set-cookie')).toMatch(
      /campus_session=.+; Path=\/; HttpOnly; SameSite=Strict/,
    );
    const cookie = await session();
    const api = await fetch(`${base}/queues/api/queues`, { headers: { cookie } });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues
      .map((q) => q.name)
      .sort();
    expect(names).toEqual(
      [
        'certificate-mail',
        'dunning-mail',
        'invoice-sync',
        'login-mail',
        'offer-mail',
        'order-to-customer',
        'paypal-subscription',
        'quarantine',
      ].sort(),
    );
  });

  it('does not accept a forged session cookie', async () => {
    const forged = `campus_session=${Buffer.from('operator').toString('base64url')}.${Date.now() + 1e7}.AAAA`;
    expect((await fetch(`${base}/api/health`, { headers: { cookie: forged } })).status).toBe(401);
  });
});

describe('a session', () => {
  it('ends after DASHBOARD_SESSION_HOURS, whatever the cookie says', async () => {
    const clock = { now: Date.now() };
    const logger = createLogger({ name: 'dashboard-test', level: 'silent' });
    const app = createDashboard({
      config,
      redis: connection,
      queues,
      logger,
      now: () => clock.now,
    });
    const clocked = app.listen(0, '127.0.0.1');
    await once(clocked, 'listening');
    const url = `http://127.0.0.1:${(clocked.address() as AddressInfo).port}`;
    try {
      const response = await fetch(`${url}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          user: config.dashboard.user,
          password: config.dashboard.password,
        }),
        redirect: 'manual',
      });
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
      expect((await fetch(`${url}/api/health`, { headers: { cookie } })).status).toBe(200);
      clock.now += config.dashboard.sessionHours * 3_600_000 - 1_000;
      expect((await fetch(`${url}/api/health`, { headers: { cookie } })).status).toBe(200);
      clock.now += 2_000;
      expect((await fetch(`${url}/api/health`, { headers: { cookie } })).status).toBe(401);
    } finally {
      clocked.close();
    }
  });
});

describe('the health page', () => {
  it('shows every queue and what each sender delivered in the last hour', async () => {
    const stats = createStatsRecorder(connection, prefix, 60_000);
    stats.count('fakturia', 'accepted');
    stats.count('plenigo', 'quarantined');
    await stats.close();
    await queues.domain['invoice-sync'].add('fakturia.INVOICE_CREATED', { x: 1 });
    const cookie = await session();
    const health = (await (await fetch(`${base}/api/health`, { headers: { cookie } })).json()) as {
      queues: { name: string; waiting: number }[];
      sources: Record<string, Record<string, number>>;
    };
    expect(health.queues.find((q) => q.name === 'invoice-sync')?.waiting).toBe(1);
    expect(health.sources).toMatchObject({
      fakturia: { accepted: 1 },
      plenigo: { quarantined: 1 },
    });
    const html = await (await fetch(`${base}/`, { headers: { cookie } })).text();
    expect(html).toContain('Warteschlangen');
    expect(html).toContain('order-to-customer');
    expect(html).toContain('Absender, letzte Stunde');
  });
});

describe('replaying a quarantined payload', () => {
  it('fails with the reason first, fails again with the new reason, and routes once fixed', async () => {
    const event = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json'));
    delete event.payload.dunningLevel;
    const id = await quarantinePayload(queues, {
      source: 'fakturia',
      rawBody: JSON.stringify(event),
      receivedAt: new Date().toISOString(),
      headers: { 'content-type': 'application/json' },
      reason: 'invalid_payload',
      details: [
        { path: '/payload/dunningLevel', message: "must have required property 'dunningLevel'" },
      ],
    });
    const failed = await settledJob(id, 'failed');
    expect(failed.failedReason).toContain(
      "/payload/dunningLevel must have required property 'dunningLevel'",
    );

    // The operator fixes it only halfway and retries through Bull Board.
    const cookie = await session();
    event.payload.dunningLevel = 'zwei';
    const patch = await fetch(
      `${base}/queues/api/queues/quarantine/${encodeURIComponent(id)}/update-data`,
      {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ jobData: { ...failed.data, rawBody: JSON.stringify(event) } }),
      },
    );
    expect(patch.status).toBe(200);
    const retry = await fetch(
      `${base}/queues/api/queues/quarantine/${encodeURIComponent(id)}/retry`,
      {
        method: 'PUT',
        headers: { cookie, origin: base },
      },
    );
    expect(retry.status).toBe(204);
    await new Promise((r) => setTimeout(r, 300));
    const again = await settledJob(id, 'failed');
    expect(again.failedReason).toContain('/payload/dunningLevel must be number');

    event.payload.dunningLevel = 2;
    await again.updateData({ ...again.data, rawBody: JSON.stringify(event) });
    await again.retry('failed');
    const done = await settledJob(id, 'completed');
    expect(done.returnvalue).toMatchObject({ status: 'accepted', queues: ['dunning-mail'] });
    const [routed] = await queues.domain['dunning-mail'].getJobs(['waiting']);
    expect(routed?.data).toMatchObject({
      source: 'fakturia',
      eventType: 'DUNNING_CREATED',
      rawBody: JSON.stringify(event),
    });
  });

  it('says why a body that is still not JSON cannot be replayed', async () => {
    const id = await quarantinePayload(queues, {
      source: 'plenigo',
      rawBody: readFixture('plenigo/app-store-subscription-creation.malformed.txt'),
      receivedAt: new Date().toISOString(),
      headers: {},
      reason: 'invalid_json',
      details: [],
    });
    const failed = await settledJob(id, 'failed');
    expect(failed.failedReason).toMatch(
      /^Still not valid JSON: .*Fix rawBody in the job data and retry\.$/,
    );
  });
});

describe('the dashboard process', () => {
  it('refuses to start in production mode without a login', async () => {
    const app = spawnApp('dashboard', { REDIS_URL: redis.url, CAMPUS_MODE: 'production' });
    expect(await app.exited).toBe(78);
    expect(app.output()).toContain('DASHBOARD_USER is missing');
    expect(app.output()).toContain('DASHBOARD_PASSWORD is missing');
  });
});
