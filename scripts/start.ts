/**
 * `npm start`: the system on one machine, in sandbox mode. Uses the Redis at
 * REDIS_URL, or starts a local redis-server with AOF under .data/redis when
 * nothing answers there; then starts every app as its own process and prints
 * where everything is. Ctrl-C stops the apps first (each finishes what it is
 * doing), then the Redis it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SANDBOX_SECRETS } from '@campus/config';
import { SOURCES } from '@campus/events';
import { APPS } from './apps.js';
import { redisAnswers, startLocalRedis } from './local-redis.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// A Redis Cluster is the operator's (docs/operations.md#redis-cluster): never started here.
const cluster = process.env.REDIS_CLUSTER === 'true';
const mode = process.env.CAMPUS_MODE ?? 'sandbox';
const receiverPort = process.env.RECEIVER_PORT ?? '3000';
const metricsPort = process.env.RECEIVER_METRICS_PORT ?? '9464';

// The apps run as `node apps/<name>/dist/main.js`, in the order of APPS.

const dashboardPort = process.env.DASHBOARD_PORT ?? '3001';
const sandboxPort = process.env.SANDBOX_PORT ?? '4010';

const children = new Map<string, ChildProcess>();
let redis: ChildProcess | undefined;

const seed = redisUrl.split(',')[0]!;
if (cluster && !(await redisAnswers(seed))) {
  process.stderr.write(
    `REDIS_CLUSTER=true, but nothing answers at ${seed}: start the cluster first (docker compose --profile cluster up), or unset REDIS_CLUSTER to use one Redis.\n`,
  );
  process.exit(1);
}
if (!cluster && !(await redisAnswers(redisUrl))) {
  process.stdout.write(`No Redis at ${redisUrl}: starting redis-server (AOF under .data/redis)\n`);
  redis = await startLocalRedis(redisUrl, `${root}.data/redis`);
  if (!redis) process.exit(1);
}

for (const app of APPS) {
  const child = spawn(process.execPath, [`apps/${app}/dist/main.js`], {
    cwd: root,
    env: {
      ...process.env,
      REDIS_URL: redisUrl,
      CAMPUS_MODE: mode,
      RECEIVER_PORT: receiverPort,
      RECEIVER_METRICS_PORT: metricsPort,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.set(app, child);
  child.once('exit', (code, signal) => {
    children.delete(app);
    if (!stopping) {
      process.stderr.write(`${app} exited (${code ?? signal}); stopping everything.\n`);
      void stop(1);
    }
  });
}

const base = `http://127.0.0.1:${receiverPort}`;
const sandbox = `http://127.0.0.1:${sandboxPort}`;
process.stdout.write(`
campus-events is running (${mode} mode, ${APPS.length} processes; LOG_LEVEL=info shows every request)
  Receiver    ${base}/webhooks/{${SOURCES.join(',')}}
  Health      ${base}/healthz  ${base}/readyz
  Metrics     http://127.0.0.1:${metricsPort}/metrics   (its own listener, loopback only)
  Dashboard   http://127.0.0.1:${dashboardPort}/   (user ${SANDBOX_SECRETS.DASHBOARD_USER}, password ${SANDBOX_SECRETS.DASHBOARD_PASSWORD})
  Mails       ${sandbox}/mail   (the sandbox's SMTP sink)
  Stand-ins   ${sandbox}/       (Lexoffice, ProSonata, PayPal, Fakturia: what they received)
  Redis       ${redisUrl}${cluster ? ' (Redis Cluster)' : redis ? ' (started here, data in .data/redis)' : ''}
${
  mode === 'sandbox'
    ? `
Development secrets (sandbox mode only):
  FAKTURIA_WEBHOOK_TOKEN  ${SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN}   (Fakturia posts to ${base}/webhooks/fakturia?token=…)
  PLENIGO_WEBHOOK_SECRETS ${SANDBOX_SECRETS.PLENIGO_WEBHOOK_SECRET}
  CAMPUS_WEBHOOK_SECRET   ${SANDBOX_SECRETS.CAMPUS_WEBHOOK_SECRET}
  PAYPAL_WEBHOOK_ID       ${SANDBOX_SECRETS.PAYPAL_WEBHOOK_ID}

Send a sample (signed as its real sender would; PayPal through the sandbox's simulator):
  npm run send -- fixtures/fakturia/CUSTOMER_CREATED.json
  npm run send -- fixtures/fakturia/DUNNING_CREATED.json      then look at ${sandbox}/mail
  npm run send -- fixtures/paypal/PAYMENT.SALE.COMPLETED.json
`
    : ''
}
Ctrl-C stops everything.
`);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nStopping: apps finish what they are doing…\n');
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  if (redis) {
    // SIGTERM makes redis-server flush the AOF and exit cleanly.
    await new Promise<void>((resolve) => {
      redis!.once('exit', () => resolve());
      redis!.kill('SIGTERM');
    });
  }
  process.stdout.write('Stopped.\n');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
