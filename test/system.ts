import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, SANDBOX_SECRETS } from '@campus/config';
import type { Source } from '@campus/events';
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
  startTestCluster,
  startTestRedis,
  type RunningApp,
  type TestCluster,
  type TestRedis,
} from '@campus/testing';
import { sandboxControl } from '@campus/sandbox';
import { senderHeaders, senderQuery } from '@campus/webhook-auth';
import type { RedisClient } from '@campus/queues';

/** Where the system keeps its queues: one redis-server, or a local six-node Redis Cluster. */
export type RedisKind = 'single' | 'cluster';
import { APPS } from '../scripts/apps.js';

export { APPS };

export interface RunningSystem {
  /** The one Redis (`single`), or undefined on a cluster. */
  redis: TestRedis | undefined;
  /** The cluster (`cluster`), or undefined on one Redis. */
  cluster: TestCluster | undefined;
  connection: RedisClient;
  queues: QueueSet;
  receiver: string;
  dashboard: string;
  sandbox: string;
  apps: Map<string, RunningApp>;
  /** The environment every app was started with (to start one more, or again). */
  env: Record<string, string>;
  /** Posts a body signed as its real sender would (PayPal through the sandbox's simulator). */
  send(source: Source, body: string): Promise<{ status: number; body: string }>;
  sendFixture(path: string): Promise<{ status: number; body: string }>;
  /** The sandbox's control API: GET, or POST when a body is given. */
  control<T>(path: string, body?: unknown): Promise<T>;
  /**
   * A PayPal delivery as PayPal signs it (the sandbox's simulator, which also
   * keeps the event as PayPal's), caught on its way instead of delivered: what
   * an attacker who sees a delivery in transit holds.
   */
  capturePaypal(body: string): Promise<{ headers: Record<string, string>; body: string }>;
  /** Posts a PayPal body with the given headers straight to the receiver. */
  postPaypal(body: string, headers: Record<string, string>): Promise<{ status: number }>;
  stop(): Promise<void>;
}

/** A server on a free port that keeps the one request it gets (headers and body) and answers 200. */
async function catchOneRequest(): Promise<{
  url: string;
  request: Promise<{ headers: Record<string, string>; body: string }>;
}> {
  let resolve: (request: { headers: Record<string, string>; body: string }) => void = () => {};
  const request = new Promise<{ headers: Record<string, string>; body: string }>(
    (r) => (resolve = r),
  );
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200).end();
      server.close();
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] =>
            entry[0].startsWith('paypal-') && typeof entry[1] === 'string',
        ),
      );
      resolve({ headers, body: Buffer.concat(chunks).toString('utf8') });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/caught`, request };
}

/** The whole system as `npm start` runs it: every app its own process, the sandbox as every upstream. */
export async function startSystem(
  extraEnv: Record<string, string> = {},
  kind: RedisKind = 'single',
): Promise<RunningSystem> {
  const cluster = kind === 'cluster' ? await startTestCluster() : undefined;
  const redis = cluster ? undefined : await startTestRedis();
  const redisEnv: Record<string, string> = cluster
    ? { REDIS_URL: cluster.url, REDIS_CLUSTER: 'true' }
    : { REDIS_URL: redis!.url };
  const [sandboxPort, smtpPort, receiverPort, dashboardPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const sandbox = `http://127.0.0.1:${sandboxPort}`;
  const env: Record<string, string> = {
    CAMPUS_MODE: 'sandbox',
    ...redisEnv,
    QUEUE_PREFIX: 'e2e',
    LOG_LEVEL: 'info',
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_SMTP_PORT: String(smtpPort),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    LEXOFFICE_API_URL: `${sandbox}/lexoffice`,
    FAKTURIA_API_URL: `${sandbox}/fakturia`,
    PROSONATA_API_URL: `${sandbox}/prosonata`,
    PAYPAL_API_URL: `${sandbox}/paypal`,
    PAYPAL_CERT_URL_ALLOW: `${sandbox}/paypal/certs/`,
    CAMPUS_BASE_URL: 'https://campus.example',
    RECEIVER_PORT: String(receiverPort),
    // The certificate mail links to the receiver's /zertifikate page.
    PUBLIC_BASE_URL: `http://127.0.0.1:${receiverPort}`,
    RECEIVER_HOST: '127.0.0.1',
    DASHBOARD_PORT: String(dashboardPort),
    DASHBOARD_HOST: '127.0.0.1',
    WORKER_CONCURRENCY: '2',
    ...extraEnv,
  };
  const apps = new Map<string, RunningApp>();
  try {
    const sandboxApp = spawnApp('sandbox', env);
    apps.set('sandbox', sandboxApp);
    await sandboxApp.waitFor(/sandbox listening/, 60_000);
    for (const name of APPS.slice(1)) apps.set(name, spawnApp(name, env));
    await Promise.all(
      APPS.slice(1).map((name) =>
        apps.get(name)!.waitFor(name.startsWith('worker-') ? /started/ : /listening/, 90_000),
      ),
    );
  } catch (error) {
    // Leave nothing running behind a start that failed: the test's afterAll has no system to stop.
    await Promise.all([...apps.values()].map((app) => app.stop('SIGKILL')));
    await redis?.close();
    await cluster?.close();
    throw error;
  }

  const connection = createProducerConnection(
    cluster ? { redisUrl: cluster.url, redisCluster: true } : redis!.url,
    { enableOfflineQueue: true },
  );
  await waitUntilReady(connection, 5_000);
  const queues = createQueueSet(connection, 'e2e', loadConfig(['queues'], {}).queues);
  const receiver = `http://127.0.0.1:${receiverPort}`;
  const credentials = {
    fakturiaToken: SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN,
    plenigoSecret: SANDBOX_SECRETS.PLENIGO_WEBHOOK_SECRET,
    campusSecret: SANDBOX_SECRETS.CAMPUS_WEBHOOK_SECRET,
  };

  const system: RunningSystem = {
    redis,
    cluster,
    connection,
    queues,
    receiver,
    dashboard: `http://127.0.0.1:${dashboardPort}`,
    sandbox,
    apps,
    env,
    async send(source, body) {
      if (source === 'paypal') {
        const response = await fetch(`${sandbox}/paypal/simulate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ target: `${receiver}/webhooks/paypal`, rawBody: body }),
        });
        const result = (await response.json()) as { status: number; body: unknown };
        return {
          status: result.status,
          body: typeof result.body === 'string' ? result.body : JSON.stringify(result.body),
        };
      }
      const url = `${receiver}/webhooks/${source}${senderQuery(source, credentials)}`;
      const response = await fetch(url, {
        method: 'POST',
        headers: senderHeaders(source, body, credentials),
        body,
      });
      return { status: response.status, body: await response.text() };
    },
    sendFixture(path) {
      return system.send(path.split('/')[0] as 'fakturia', readFixture(path));
    },
    control<T>(path: string, body?: unknown) {
      return sandboxControl(sandbox).control<T>(body === undefined ? 'GET' : 'POST', path, body);
    },
    async capturePaypal(body) {
      const caught = await catchOneRequest();
      const response = await fetch(`${sandbox}/paypal/simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ target: caught.url, rawBody: body }),
      });
      if (!response.ok) throw new Error(`the simulator answered ${response.status}`);
      return caught.request;
    },
    async postPaypal(body, headers) {
      const response = await fetch(`${receiver}/webhooks/paypal`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      return { status: response.status };
    },
    async stop() {
      await Promise.all([...apps.values()].map((app) => app.stop('SIGTERM')));
      await queues.close();
      connection.disconnect();
      await redis?.close();
      await cluster?.close();
    },
  };
  return system;
}
