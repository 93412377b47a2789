import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UnrecoverableError, Worker } from 'bullmq';
import { chromium, type Browser } from 'playwright-core';
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
import type { Redis } from 'ioredis';

/**
 * An operator's path through the dashboard in a real browser (Debian's
 * chromium, driven by playwright-core): log in, find a failed job, read why,
 * retry it. The screenshots are the ones in docs/operations.md.
 */
const CHROMIUM = '/usr/bin/chromium';
const IMAGES = fileURLToPath(new URL('../../../docs/images/', import.meta.url));
const prefix = 'browser';

let redis: TestRedis;
let connection: Redis;
let queues: QueueSet;
let dashboard: RunningApp;
let browser: Browser;
let base: string;

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

    await page.goto(`${base}/queues/queue/dunning-mail?status=failed`);
    await page.waitForURL(/\/login/);
    await page.fill('#user', SANDBOX_SECRETS.DASHBOARD_USER);
    await page.fill('#password', SANDBOX_SECRETS.DASHBOARD_PASSWORD);
    await page.click('button[type=submit]');
    await page
      .waitForURL(/\/queues\/queue\/dunning-mail/, { waitUntil: 'commit' })
      .catch(async (e) => {
        await page.screenshot({ path: '/tmp/debug-login.png' });
        console.error('URL NOW', page.url());
        throw e;
      });

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
  }, 120_000);
});
