import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SANDBOX_SECRETS } from '@campus/config';
import {
  createProducerConnection,
  createQueueSet,
  quarantinePayload,
  waitUntilReady,
  type QueueSet,
} from '@campus/queues';
import {
  freePort,
  readFixture,
  spawnApp,
  startTestRedis,
  type RunningApp,
  type TestRedis,
} from '@campus/testing';
import type { RedisClient } from '@campus/queues';

/**
 * What an attacker tried against a running dashboard (issue #9), each against
 * the real process over HTTP; the browser-borne ones (CSRF from another
 * origin, framing, the redirect after login) are in browser.test.ts.
 */
const SESSION_SECRET = '7c1f0b8e2d4a69358e1b7f60c2d94a1e5b3f8c7d6e0a2b4c9d1e3f5a7b9c0d2e';
const OPERATOR = {
  user: SANDBOX_SECRETS.DASHBOARD_USER,
  password: SANDBOX_SECRETS.DASHBOARD_PASSWORD,
};
const prefix = 'sec';

let redis: TestRedis;
let connection: RedisClient;
let queues: QueueSet;
let dashboard: RunningApp;
let base: string;

/** A dashboard process; `trusted` names the proxies whose X-Forwarded-For counts. */
async function startDashboard(env: Record<string, string> = {}) {
  const port = await freePort();
  const app = spawnApp('dashboard', {
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    DASHBOARD_PORT: String(port),
    DASHBOARD_SESSION_SECRET: SESSION_SECRET,
    ...env,
  });
  await app.waitFor(/dashboard listening/, 60_000);
  return { app, base: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  redis = await startTestRedis();
  connection = createProducerConnection(redis.url, { enableOfflineQueue: true });
  await waitUntilReady(connection, 5_000);
  queues = createQueueSet(connection, prefix, loadConfig(['queues'], {}).queues);
  ({ app: dashboard, base } = await startDashboard({ DASHBOARD_TRUSTED_PROXIES: 'loopback' }));
}, 90_000);

afterAll(async () => {
  await dashboard?.stop();
  await queues?.close();
  connection?.disconnect();
  await redis?.close();
});

function login(
  credentials: { user: string; password: string },
  options: { next?: string; headers?: Record<string, string>; url?: string } = {},
) {
  const query = options.next === undefined ? '' : `?next=${encodeURIComponent(options.next)}`;
  return fetch(`${options.url ?? base}/login${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    body: new URLSearchParams(credentials),
    redirect: 'manual',
  });
}

/** A fresh operator session: its cookie and the CSRF token its pages carry. */
async function session(): Promise<{ cookie: string; csrf: string }> {
  const response = await login(OPERATOR);
  expect(response.status).toBe(303);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const page = await (await fetch(`${base}/`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no CSRF token on the overview page');
  return { cookie, csrf };
}

/** A request to Bull Board's API as the operator. */
function board(
  method: string,
  path: string,
  cookie: string,
  headers: Record<string, string> = {},
  body?: unknown,
) {
  return fetch(`${base}/queues/api/queues/${path}`, {
    method,
    headers: {
      cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function settled(id: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = await queues.quarantine.getJobState(id);
    if (state === 'failed' || state === 'completed') return (await queues.quarantine.getJob(id))!;
    if (Date.now() > deadline) throw new Error(`quarantine job ${id} is still ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls `read` until it returns something, or fails once the deadline passed. */
async function eventually<T>(read: () => T | undefined | Promise<T | undefined>, what: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`still not: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the redirect after login', () => {
  it.each([
    '/\\evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '//evil.example',
    '/\t/evil.example',
    'https://evil.example/',
    '/%2F%2Fevil.example',
  ])('goes to / for %j', async (next) => {
    const response = await login(OPERATOR, { next });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  it('keeps a path on the dashboard', async () => {
    const response = await login(OPERATOR, { next: '/queues/queue/dunning-mail?status=failed' });
    expect(response.headers.get('location')).toBe('/queues/queue/dunning-mail?status=failed');
  });
});

describe('sessions', () => {
  it('end at logout on the server: the stolen cookie no longer opens anything', async () => {
    const { cookie, csrf } = await session();
    // A link or an image cannot log anyone out, nor can a POST without the token.
    await fetch(`${base}/logout`, { headers: { cookie }, redirect: 'manual' });
    const forged = await fetch(`${base}/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'csrf=guess',
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    expect((await fetch(`${base}/api/health`, { headers: { cookie } })).status).toBe(200);

    const out = await fetch(`${base}/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams({ csrf }),
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/campus_session=; .*Max-Age=0/);
    expect((await fetch(`${base}/api/health`, { headers: { cookie } })).status).toBe(401);
  });

  it('are signed with DASHBOARD_SESSION_SECRET and bounded: a cookie re-signed with a later expiry is refused', async () => {
    const { cookie } = await session();
    const [id, expires] = cookie.slice('campus_session='.length).split('.');
    const sign = (payload: string) =>
      createHmac('sha256', SESSION_SECRET).update(payload).digest('base64url');
    const longer = `${id}.${Number(expires) + 3_600_000}`;
    const past = `${id}.${Date.now() - 1_000}`;
    for (const payload of [longer, past]) {
      const forged = `campus_session=${payload}.${sign(payload)}`;
      expect((await fetch(`${base}/api/health`, { headers: { cookie: forged } })).status).toBe(401);
    }
    const keys = await connection.keys(`${prefix}:dashboard:session:*`);
    const ttls = await Promise.all(keys.map((k) => connection.pttl(k)));
    for (const ttl of ttls) expect(ttl).toBeLessThanOrEqual(12 * 3_600_000);
  });
});

describe('the login throttle', () => {
  it('slows an attacker down more with every failure, and lets the operator in within a minute', async () => {
    const attacker = { 'x-forwarded-for': '203.0.113.7' };
    const waits: number[] = [];
    let failures = 0;
    for (;;) {
      const response = await login(
        { user: OPERATOR.user, password: 'guess' },
        { headers: attacker },
      );
      if (response.status === 401) failures++;
      if (response.status !== 429) continue;
      waits.push(Number(response.headers.get('retry-after')));
      if (waits.length === 3) break;
      await sleep(waits.at(-1)! * 1_000);
    }
    expect(failures).toBe(5);
    expect(waits).toEqual([1, 2, 4]);
    // While it waits, not even the right password gets the attacker's address in.
    expect((await login(OPERATOR, { headers: attacker })).status).toBe(429);

    // The operator, from another address, waits out at most the account's short back-off.
    const started = Date.now();
    const operator = { 'x-forwarded-for': '198.51.100.20' };
    let response = await login(OPERATOR, { headers: operator });
    while (response.status === 429) {
      await sleep(Number(response.headers.get('retry-after')) * 1_000);
      response = await login(OPERATOR, { headers: operator });
    }
    expect(response.status).toBe(303);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('reads X-Forwarded-For only from the proxies in DASHBOARD_TRUSTED_PROXIES', async () => {
    const untrusting = await startDashboard({ QUEUE_PREFIX: 'sec-untrusting' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        // A new name and a new forged address each time: only the peer address is left to count.
        const response = await login(
          { user: `intruder-${i}`, password: 'guess' },
          { url: untrusting.base, headers: { 'x-forwarded-for': `192.0.2.${i + 1}` } },
        );
        statuses.push(response.status);
      }
      expect(statuses).toContain(429);
    } finally {
      await untrusting.app.stop();
    }
    // Behind a trusted proxy the same requests are six clients, none slowed down.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await login(
        { user: `visitor-${i}`, password: 'guess' },
        { headers: { 'x-forwarded-for': `192.0.2.${i + 101}` } },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
  }, 90_000);
});

describe("Bull Board's state-changing requests", () => {
  it('need the same origin or the CSRF token, and JSON', async () => {
    const { cookie, csrf } = await session();
    const pause = (headers: Record<string, string>) =>
      board('PUT', 'offer-mail/pause', cookie, headers);
    expect((await pause({})).status).toBe(403);
    expect((await pause({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await pause({ origin: base, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await queues.domain['offer-mail'].isPaused()).toBe(false);
    const form = await fetch(`${base}/queues/api/queues/offer-mail/pause`, {
      method: 'PUT',
      headers: { cookie, origin: base, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);

    expect((await pause({ 'x-csrf-token': csrf })).status).toBe(200);
    expect(await queues.domain['offer-mail'].isPaused()).toBe(true);
    expect((await board('PUT', 'offer-mail/resume', cookie, { origin: base })).status).toBe(200);
    expect(await queues.domain['offer-mail'].isPaused()).toBe(false);

    const line = await eventually(
      () =>
        dashboard
          .output()
          .split('\n')
          .find((l) => l.includes('"msg":"dashboard action"') && l.includes('"action":"pause"')),
      'the pause is in the audit log',
    );
    expect(JSON.parse(line)).toMatchObject({
      user: OPERATOR.user,
      action: 'pause',
      queue: 'offer-mail',
      status: 200,
    });
  });

  it('cannot add a job by hand, or edit what a sender delivered: no payment can be forged', async () => {
    const { cookie } = await session();
    const payment = readFixture('fakturia/INVOICE_PAYMENT_RECEIVED.json');
    const forged = {
      source: 'fakturia',
      eventType: 'INVOICE_PAYMENT_RECEIVED',
      eventKey: 'fakturia.forged',
      rawBody: payment,
      receivedAt: new Date().toISOString(),
      headers: {},
      senderRetryCount: 0,
    };
    const origin = { origin: base };
    for (const path of ['invoice-sync/add', 'invoice-sync/ADD', 'quarantine/add']) {
      const response = await board('POST', path, cookie, origin, {
        name: 'fakturia.INVOICE_PAYMENT_RECEIVED',
        data: forged,
        options: { jobId: 'fakturia.forged' },
      });
      expect(response.status, path).toBe(403);
    }
    expect(await queues.domain['invoice-sync'].getJob('fakturia.forged')).toBeUndefined();
    expect(await queues.quarantine.getJob('fakturia.forged')).toBeUndefined();

    const genuine = await queues.domain['invoice-sync'].add('fakturia.INVOICE_CREATED', {
      ...forged,
      eventType: 'INVOICE_CREATED',
      eventKey: 'fakturia.genuine',
      rawBody: readFixture('fakturia/INVOICE_CREATED.json'),
    });
    const edit = await board('PATCH', `invoice-sync/${genuine.id}/update-data`, cookie, origin, {
      jobData: forged,
    });
    expect(edit.status).toBe(403);
    expect((await queues.domain['invoice-sync'].getJob(genuine.id!))?.data.eventType).toBe(
      'INVOICE_CREATED',
    );
  });
});

describe('replaying a quarantined delivery', () => {
  const quarantine = (source: 'fakturia' | 'paypal', rawBody: string) =>
    quarantinePayload(queues, {
      source,
      rawBody,
      receivedAt: new Date().toISOString(),
      headers: { 'content-type': 'application/json' },
      reason: 'invalid_payload',
      details: [{ path: '/', message: 'as the receiver found it' }],
    });

  it('refuses a payment edited after it arrived, and says why', async () => {
    const { cookie } = await session();
    const dunning = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json'));
    delete dunning.payload.dunningLevel;
    const id = await quarantine('fakturia', JSON.stringify(dunning));
    const first = await settled(id);
    const payment = readFixture('fakturia/INVOICE_PAYMENT_RECEIVED.json');
    const origin = { origin: base };
    const edit = await board(
      'PATCH',
      `quarantine/${encodeURIComponent(id)}/update-data`,
      cookie,
      origin,
      {
        jobData: { ...first.data, rawBody: payment },
      },
    );
    expect(edit.status).toBe(200);
    expect(
      (await board('PUT', `quarantine/${encodeURIComponent(id)}/retry`, cookie, origin)).status,
    ).toBe(204);
    const replayed = await eventually(async () => {
      const job = await settled(id);
      return job.failedReason.includes('moves money') ? job : undefined;
    }, 'the replay refuses the edited payment');
    expect(replayed.failedReason).toBe(
      'Not replayed: INVOICE_PAYMENT_RECEIVED moves money, and its body was edited after it arrived. A payment counts only as its sender delivered it: ask fakturia to deliver it again.',
    );
    const routed = await queues.domain['invoice-sync'].getJobs(['waiting', 'active', 'completed']);
    expect(routed.filter((job) => job.name === 'fakturia.INVOICE_PAYMENT_RECEIVED')).toEqual([]);
    const audit = await eventually(
      () =>
        dashboard
          .output()
          .split('\n')
          .find((l) => l.includes('"action":"update-data"') && l.includes(id)),
      'the edit is in the audit log',
    );
    expect(audit).not.toContain('rawBody');
    expect(audit).not.toContain('RE-2024');
  });

  it('replays a payment as delivered, a PayPal one into the queue whose worker confirms it with PayPal', async () => {
    const fakturia = await settled(
      await quarantine('fakturia', readFixture('fakturia/INVOICE_PAYMENT_RECEIVED.json')),
    );
    expect(fakturia.returnvalue).toMatchObject({
      status: 'accepted',
      queues: ['invoice-sync'],
      asDelivered: true,
    });
    const paypal = await settled(
      await quarantine('paypal', readFixture('paypal/PAYMENT.SALE.COMPLETED.json')),
    );
    expect(paypal.returnvalue).toMatchObject({
      status: 'accepted',
      replayedAs: 'paypal.WH-2WR32451HC0233532-67976317FL4543714',
      queues: ['invoice-sync'],
      asDelivered: true,
    });
  });

  it('waits for an operator before it queues again what PayPal did not confirm, then queues it for the worker to ask again', async () => {
    const { cookie } = await session();
    const body = readFixture('paypal/PAYMENT.SALE.DENIED.json');
    const id = await quarantinePayload(queues, {
      source: 'paypal',
      rawBody: body,
      receivedAt: new Date().toISOString(),
      headers: { 'content-type': 'application/json' },
      reason: 'unconfirmed',
      details: [
        { path: '/resource/amount/total', message: "differs from PayPal's copy of the event" },
      ],
    });
    const first = await settled(id);
    expect(first.failedReason).toBe(
      "Not replayed on its own: PayPal did not confirm this event (/resource/amount/total differs from PayPal's copy of the event). " +
        "Treat it as forged unless PayPal's Webhooks events dashboard shows it with these values; then retry this job, " +
        'and the worker asks PayPal again before it acts',
    );
    expect(await queues.domain['dunning-mail'].getJobs(['waiting'])).toEqual([]);

    const retry = await board('PUT', `quarantine/${encodeURIComponent(id)}/retry`, cookie, {
      origin: base,
    });
    expect(retry.status).toBe(204);
    const replayed = await eventually(async () => {
      const job = await settled(id);
      return job.returnvalue ? job : undefined;
    }, 'the operator’s retry queues the event');
    expect(replayed.returnvalue).toMatchObject({ status: 'accepted', queues: ['dunning-mail'] });
  });

  it('refuses a PayPal payment edited after it arrived', async () => {
    const dunning = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json'));
    delete dunning.payload.dunningLevel;
    const { cookie } = await session();
    const id = await quarantine('fakturia', JSON.stringify(dunning));
    const first = await settled(id);
    const edited = await board(
      'PATCH',
      `quarantine/${encodeURIComponent(id)}/update-data`,
      cookie,
      { origin: base },
      {
        jobData: {
          ...first.data,
          source: 'paypal',
          rawBody: readFixture('paypal/PAYMENT.SALE.COMPLETED.json'),
        },
      },
    );
    expect(edited.status).toBe(200);
    await board('PUT', `quarantine/${encodeURIComponent(id)}/retry`, cookie, { origin: base });
    const refused = await eventually(async () => {
      const job = await settled(id);
      return job.failedReason.includes('moves money') ? job : undefined;
    }, 'the replay refuses the edited PayPal payment');
    expect(refused.failedReason).toBe(
      'Not replayed: PAYMENT.SALE.COMPLETED moves money, and its body was edited after it arrived. A payment counts only as its sender delivered it: ask paypal to deliver it again.',
    );
  });
});

describe('in sandbox mode', () => {
  it('the dashboard listens on loopback only', () => {
    expect(dashboard.output()).toMatch(/dashboard listening on http:\/\/127\.0\.0\.1:\d+/);
  });
});

describe('every page', () => {
  it('carries the security headers, no-store, and no X-Powered-By', async () => {
    const { cookie } = await session();
    for (const path of ['/login', '/', '/queues/', '/queues/api/queues', '/logout']) {
      const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(response.status, path).toBeLessThan(400);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("font-src 'self'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('x-powered-by'), path).toBeNull();
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
      expect(await response.text(), path).not.toMatch(/<script>(?!\s*<\/script>)/);
    }
  });

  it('adds HSTS in production, which refuses weak settings and names them', async () => {
    const weak = spawnApp('dashboard', {
      REDIS_URL: redis.url,
      CAMPUS_MODE: 'production',
      DASHBOARD_USER: 'campus-ops',
      DASHBOARD_PASSWORD: 'kurz',
      DASHBOARD_SESSION_SECRET: SANDBOX_SECRETS.DASHBOARD_SESSION_SECRET,
    });
    expect(await weak.exited).toBe(78);
    expect(weak.output()).toContain(
      'DASHBOARD_PASSWORD has 4 characters; production needs at least 12.',
    );
    expect(weak.output()).toContain(
      'DASHBOARD_SESSION_SECRET is a development value published in this repository',
    );

    const production = await startDashboard({
      CAMPUS_MODE: 'production',
      DASHBOARD_HOST: '127.0.0.1',
      DASHBOARD_USER: 'campus-ops',
      DASHBOARD_PASSWORD: 'Kolibri-Tanne-47!',
    });
    try {
      const response = await fetch(`${production.base}/login`);
      expect(response.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
    } finally {
      await production.app.stop();
    }
  }, 90_000);
});
