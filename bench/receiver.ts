/**
 * `npm run bench`: loads the receiver with signed, unique webhooks and, in the
 * same run, a minimal express.raw + queue.add + 202 receiver; prints req/s, p50
 * and p99 of both and their ratio. Both run as their own process against one
 * redis-server; the load comes from autocannon in this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { SANDBOX_SECRETS } from '@campus/config';
import { freePort, startTestRedis } from '@campus/testing';
import { prepareWorkload, type PreparedRequest } from './workload.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const root = new URL('../', import.meta.url);

if (!existsSync(new URL('apps/receiver/dist/main.js', root))) {
  process.stderr.write(
    'apps/receiver is not built: run `npm run build` first (npm run bench does).\n',
  );
  process.exit(1);
}

async function waitForOutput(child: ChildProcess, pattern: RegExp) {
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (pattern.test(output)) resolve();
    });
    child.once('exit', () => reject(new Error(`process exited early:\n${output}`)));
  });
}

function load(port: number, requests: PreparedRequest[], seconds: number) {
  let next = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const r = requests[next++ % requests.length]!;
          return { ...req, path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
}

function summary(name: string, result: autocannon.Result) {
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return {
    name,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx,
  };
}

const redis = await startTestRedis({ appendOnly: true });
const certServerPems: { pem?: string } = {};
const certServer = createServer((_req, res) => res.end(certServerPems.pem));
certServer.listen(0, '127.0.0.1');
await once(certServer, 'listening');
const certBase = `http://127.0.0.1:${(certServer.address() as AddressInfo).port}/`;

const expected = Math.ceil((SECONDS + WARMUP_SECONDS) * 8_000);
process.stdout.write(`Preparing ${expected} signed webhooks…\n`);
const { requests, certPem } = await prepareWorkload(
  expected,
  {
    fakturiaToken: SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN,
    plenigoSecret: SANDBOX_SECRETS.PLENIGO_WEBHOOK_SECRET,
    campusSecret: SANDBOX_SECRETS.CAMPUS_WEBHOOK_SECRET,
  },
  `${certBase}cert.pem`,
);
certServerPems.pem = certPem;

const receiverPort = await freePort();
const receiver = spawn(process.execPath, ['apps/receiver/dist/main.js'], {
  cwd: root,
  env: {
    ...process.env,
    REDIS_URL: redis.url,
    RECEIVER_PORT: String(receiverPort),
    RECEIVER_HOST: '127.0.0.1',
    PAYPAL_WEBHOOK_ID: 'WH-BENCH',
    PAYPAL_CERT_URL_ALLOW: certBase,
    QUEUE_PREFIX: 'bench',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await waitForOutput(receiver, /receiver listening/);
receiver.stdout?.resume();

const minimalPort = await freePort();
const minimal = spawn(
  process.execPath,
  [
    '--conditions=@campus/source',
    '--import',
    'tsx',
    'bench/minimal-receiver.ts',
    redis.url,
    String(minimalPort),
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
await waitForOutput(minimal, /minimal receiver listening/);

const results = [];
for (const [name, port] of [
  ['minimal (express.raw + queue.add + 202)', minimalPort],
  ['campus-events receiver', receiverPort],
] as const) {
  process.stdout.write(
    `Loading ${name}: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s…\n`,
  );
  await load(port, requests, WARMUP_SECONDS);
  results.push(summary(name, await load(port, requests.slice().reverse(), SECONDS)));
}

const [base, ours] = results as [ReturnType<typeof summary>, ReturnType<typeof summary>];
const line = (r: typeof base) =>
  `${r.name.padEnd(42)} ${r.reqPerSec.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   ${r.total} requests, ${r.non2xx} not 2xx`;
process.stdout.write(`\n${line(base)}\n${line(ours)}\n`);
process.stdout.write(
  `ratio (receiver / minimal): throughput ${(ours.reqPerSec / base.reqPerSec).toFixed(2)}×, p99 ${(ours.p99 / Math.max(base.p99, 1)).toFixed(2)}×\n`,
);

receiver.kill('SIGTERM');
minimal.kill('SIGTERM');
certServer.close();
await Promise.all([once(receiver, 'exit'), once(minimal, 'exit')]);
await redis.close();
