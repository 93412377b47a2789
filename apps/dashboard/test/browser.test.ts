import { once } from 'node:events';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { UnrecoverableError, Worker } from 'bullmq';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SANDBOX_SECRETS } from '@campus/config';
import {
  createProducerConnection,
  createQueueSet,
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
 * An operator's path through the dashboard in a real browser (Debian's
 * chromium, driven by playwright-core): log in, find a failed job, read why,
 * retry it. The screenshots are the ones in docs/operations.md. Then what an
 * attacker's page tries in the same browser: CSRF from another origin,
 * framing, an open redirect after login (issue #9).
 */
const CHROMIUM = '/usr/bin/chromium';
// The screenshots in docs/ are rewritten only when asked (UPDATE_SCREENSHOTS=1);
// otherwise they go to a temporary folder, so that a test run leaves the tree clean.
const IMAGES =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('../../../docs/images/', import.meta.url))
    : `${mkdtempSync(join(tmpdir(), 'dashboard-shots-'))}/`;
const prefix = 'browser';

let redis: TestRedis;
let connection: RedisClient;
let queues: QueueSet;
let dashboard: RunningApp;
let browser: Browser;
let base: string;
let attacker: Server;
let attackerBase: string;
/** The page the attacker's server serves next (it needs the dashboard's address). */
let attackerPage = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this).`);
  }
  redis = await startTestRedis();
  connection = createProducerConnection(redis.url, { enableOfflineQueue: true });
  await waitUntilReady(connection, 5_000);
  queues = createQueueSet(connection, prefix, loadConfig(['queues'], {}).queues);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dashboard = spawnApp('dashboard', {
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    DASHBOARD_PORT: String(port),
    DASHBOARD_HOST: '127.0.0.1',
  });
  await dashboard.waitFor(/dashboard listening/, 60_000);
  // Another origin on the same host: the same site for SameSite cookies, so
  // only the dashboard's own checks stand between it and the session.
  attacker = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(attackerPage),
  );
  attacker.listen(0, '127.0.0.1');
  await once(attacker, 'listening');
  attackerBase = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  attacker?.close();
  await dashboard?.stop();
  await queues?.close();
  connection?.disconnect();
  await redis?.close();
});

/** A dunning job that failed for good, the way a worker leaves one. */
async function failedDunningJob(): Promise<string> {
  const job = await queues.domain['dunning-mail'].add(
    'fakturia.DUNNING_CREATED',
    {
      source: 'fakturia',
      eventType: 'DUNNING_CREATED',
      eventKey: 'fakturia.browser-test',
      rawBody: readFixture('fakturia/DUNNING_CREATED.json'),
      receivedAt: new Date().toISOString(),
      headers: {},
      senderRetryCount: 0,
    },
    { jobId: 'fakturia.browser-test', attempts: 1 },
  );
  const worker = new Worker(
    'dunning-mail',
    async () => {
      throw new UnrecoverableError(
        'CustomerWithoutEmailError: customer K1234 has no e-mail address in the directory',
      );
    },
    { connection: { url: redis.url }, prefix, skipVersionCheck: true },
  );
  await new Promise<void>((resolve) => worker.once('failed', () => resolve()));
  await worker.close();
  return job.id!;
}

describe('the dashboard in a browser', () => {
  it('lets an operator log in, find a failed job, see why it failed and retry it', async () => {
    const jobId = await failedDunningJob();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'de-DE' });
    const elsewhere: string[] = [];
    const refused: string[] = [];
    page.on('response', (response) => {
      if (!response.url().startsWith(base)) elsewhere.push(response.url());
    });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });

    await page.goto(`${base}/queues/queue/dunning-mail?status=failed`);
    await page.waitForURL(/\/login/);
    await page.fill('#user', SANDBOX_SECRETS.DASHBOARD_USER);
    await page.fill('#password', SANDBOX_SECRETS.DASHBOARD_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/queues\/queue\/dunning-mail/, { waitUntil: 'commit' });

    await page
      .getByText('customer K1234 has no e-mail address')
      .first()
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${IMAGES}dashboard-failed-job.png` });
    await page.getByRole('button', { name: 'Wiederholen' }).first().click();
    const confirm = page.getByRole('button', { name: /Bestätigen|Wiederholen|OK|Ja/ }).last();
    if (await confirm.isVisible().catch(() => false)) await confirm.click();

    await expect
      .poll(async () => queues.domain['dunning-mail'].getJobState(jobId), { timeout: 20_000 })
      .toBe('waiting');

    await page.goto(`${base}/`);
    await page.getByText('Warteschlangen').first().waitFor();
    await page.screenshot({ path: `${IMAGES}dashboard-overview.png`, fullPage: true });
    await page.close();
    // Nothing came from elsewhere (Bull Board links Google Fonts: the policy
    // refuses them), and the policy refused nothing else the page needs.
    expect(elsewhere).toEqual([]);
    expect(refused.filter((text) => !text.includes('fonts.googleapis.com'))).toEqual([]);
  }, 120_000);
});

/** A browser context with the operator logged in, as a victim of the attacker's page. */
async function loggedIn(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('#user', SANDBOX_SECRETS.DASHBOARD_USER);
  await page.fill('#password', SANDBOX_SECRETS.DASHBOARD_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(`${base}/`);
  return { context, page };
}

/** Whether the operator's session in this context still opens the API. */
async function sessionWorks(context: BrowserContext): Promise<boolean> {
  const response = await context.request.get(`${base}/api/health`);
  return response.status() === 200;
}

describe("an attacker page in the operator's browser", () => {
  it('cannot add a job, pause a queue or log the operator out (CSRF)', async () => {
    const { context } = await loggedIn();
    attackerPage = `<!doctype html><body>
<img src="${base}/logout">
<form id="add" method="post" enctype="text/plain" target="sink"
  action="${base}/queues/api/queues/invoice-sync/add">
  <input name='{"name":"fakturia.INVOICE_PAYMENT_RECEIVED","data":{"source":"fakturia"},"x":"' value='"}'>
</form>
<form id="logout" method="post" target="sink2" action="${base}/logout"><input name="csrf" value="guess"></form>
<iframe name="sink"></iframe><iframe name="sink2"></iframe>
<script>
  document.getElementById('add').submit();
  document.getElementById('logout').submit();
  fetch('${base}/queues/api/queues/invoice-sync/add', { method: 'POST', mode: 'no-cors', credentials: 'include',
    headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name: 'x', data: {} }) });
  fetch('${base}/queues/api/queues/dunning-mail/pause', { method: 'PUT', credentials: 'include' })
    .catch(() => {}).finally(() => { document.title = 'done'; });
</script></body>`;
    const page = await context.newPage();
    await page.goto(attackerBase);
    await page.waitForFunction("document.title === 'done'");
    await expect
      .poll(
        () =>
          dashboard
            .output()
            .split('\n')
            .filter((l) => l.includes('"refused":"cross_site_request"')).length,
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThanOrEqual(2);
    expect(
      await queues.domain['invoice-sync'].getJobCountByTypes(
        'waiting',
        'paused',
        'delayed',
        'prioritized',
      ),
    ).toBe(0);
    expect(await queues.domain['dunning-mail'].isPaused()).toBe(false);
    expect(await sessionWorks(context)).toBe(true);
    await context.close();
  }, 60_000);

  it('cannot frame the dashboard', async () => {
    const { context } = await loggedIn();
    attackerPage = `<!doctype html><body><iframe id="frame" src="${base}/"></iframe></body>`;
    const page = await context.newPage();
    const refused = page.waitForEvent('console', (m) =>
      /frame-ancestors|X-Frame-Options/.test(m.text()),
    );
    await page.goto(attackerBase);
    await refused;
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    const shown = await framed
      ?.evaluate<string>("document.body ? document.body.innerText : ''")
      .catch(() => '');
    expect(shown ?? '').not.toContain('Warteschlangen');
    await context.close();
  }, 60_000);

  it('cannot send the operator elsewhere after login (open redirect)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/login?next=${encodeURIComponent('/\\evil.example')}`);
    await page.fill('#user', SANDBOX_SECRETS.DASHBOARD_USER);
    await page.fill('#password', SANDBOX_SECRETS.DASHBOARD_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/`);
    expect(page.url()).toBe(`${base}/`);
    await context.close();
  }, 60_000);
});
