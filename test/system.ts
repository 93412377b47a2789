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
  startTestRedis,
  type RunningApp,
  type TestRedis,
} from '@campus/testing';
import { senderHeaders, senderQuery } from '@campus/webhook-auth';
import type { Redis } from 'ioredis';
import { APPS } from '../scripts/apps.js';

export { APPS };

export interface RunningSystem {
  redis: TestRedis;
  connection: Redis;
  queues: QueueSet;
  receiver: string;
  dashboard: string;
  sandbox: string;
  apps: Map<string, RunningApp>;
  /** Posts a body signed as its real sender would (PayPal through the sandbox's simulator). */
  send(source: Source, body: string): Promise<{ status: number; body: string }>;
  sendFixture(path: string): Promise<{ status: number; body: string }>;
  control<T>(path: string): Promise<T>;
  stop(): Promise<void>;
}

/** The whole system as `npm start` runs it: every app its own process, the sandbox as every upstream. */
export async function startSystem(extraEnv: Record<string, string> = {}): Promise<RunningSystem> {
  const redis = await startTestRedis();
  const [sandboxPort, smtpPort, receiverPort, dashboardPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const sandbox = `http://127.0.0.1:${sandboxPort}`;
  const env: Record<string, string> = {
    CAMPUS_MODE: 'sandbox',
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'e2e',
    LOG_LEVEL: 'info',
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_SMTP_PORT: String(smtpPort),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    LEXOFFICE_API_URL: `${sandbox}/lexoffice`,
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
  const sandboxApp = spawnApp('sandbox', env);
  apps.set('sandbox', sandboxApp);
  await sandboxApp.waitFor(/sandbox listening/, 60_000);
  for (const name of APPS.slice(1)) apps.set(name, spawnApp(name, env));
  await Promise.all(
    APPS.slice(1).map((name) =>
      apps.get(name)!.waitFor(name.startsWith('worker-') ? /started/ : /listening/, 90_000),
    ),
  );

  const connection = createProducerConnection(redis.url, { enableOfflineQueue: true });
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
    connection,
    queues,
    receiver,
    dashboard: `http://127.0.0.1:${dashboardPort}`,
    sandbox,
    apps,
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
    async control<T>(path: string) {
      return (await (await fetch(`${sandbox}/_control${path}`)).json()) as T;
    },
    async stop() {
      await Promise.all([...apps.values()].map((app) => app.stop('SIGTERM')));
      await queues.close();
      connection.disconnect();
      await redis.close();
    },
  };
  return system;
}
