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
import { prepareWorkload } from './workload.js';

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

async function waitForHealth(port: number) {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answers on port ${port}`);
}

/**
 * Loads one receiver for `seconds`, taking requests from where its cursor
 * stands, so that no event is ever sent twice to the same receiver (a repeat
 * would take the cheaper duplicate path).
 */
function load(port: number, cursor: { next: number }, seconds: number) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          if (cursor.next >= requests.length)
            throw new Error('the prepared webhooks ran out: raise the pool size');
          const r = requests[cursor.next++]!;
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

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Enough unique webhooks for each receiver at up to 4,000 requests per second.
const expected = Math.ceil((WARMUP_SECONDS + ROUNDS * SECONDS) * 4_000);
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
// BENCH_PROFILE=<dir> writes a CPU profile of the receiver there (open it in Chrome DevTools).
const profile = process.env.BENCH_PROFILE
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
  : [];
const receiver = spawn(process.execPath, [...profile, 'apps/receiver/dist/main.js'], {
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
  // Its log lines go to /dev/null: the receiver pays for writing them, the load generator not for reading them.
  stdio: ['ignore', 'ignore', 'inherit'],
});
await waitForHealth(receiverPort);

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

// Rounds alternate the order (minimal first, then receiver first, …) so that
// neither side always meets a fuller Redis or a busier machine; the median of
// each side's rounds is compared.
const targets = [
  ['minimal (express.raw + queue.add + 202)', minimalPort],
  ['campus-events receiver', receiverPort],
] as const;
const rounds: Record<string, ReturnType<typeof summary>[]> = {
  [targets[0][0]]: [],
  [targets[1][0]]: [],
};
const cursors: Record<string, { next: number }> = {
  [targets[0][0]]: { next: 0 },
  [targets[1][0]]: { next: 0 },
};
for (const [name, port] of targets) {
  process.stdout.write(`Warming up ${name} (${WARMUP_SECONDS} s)…\n`);
  await load(port, cursors[name]!, WARMUP_SECONDS);
}
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? targets : ([targets[1], targets[0]] as const);
  for (const [name, port] of order) {
    process.stdout.write(
      `Round ${round + 1}/${ROUNDS}: ${name}, ${CONNECTIONS} connections, ${SECONDS} s…\n`,
    );
    const result = summary(name, await load(port, cursors[name]!, SECONDS));
    rounds[name]!.push(result);
    process.stdout.write(
      `  ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms\n`,
    );
  }
}
const median = (name: string) => {
  const sorted = rounds[name]!.slice().sort((a, b) => a.reqPerSec - b.reqPerSec);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const results = targets.map(([name]) => median(name));

const [base, ours] = results as [ReturnType<typeof summary>, ReturnType<typeof summary>];
const line = (r: typeof base) =>
  `${r.name.padEnd(42)} ${r.reqPerSec.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   ${r.total} requests, ${r.non2xx} not 2xx`;
process.stdout.write(`\nMedian of ${ROUNDS} rounds each:\n${line(base)}\n${line(ours)}\n`);
process.stdout.write(
  `ratio (receiver / minimal): throughput ${(ours.reqPerSec / base.reqPerSec).toFixed(2)}×, p99 ${(ours.p99 / Math.max(base.p99, 1)).toFixed(2)}×\n`,
);

receiver.kill('SIGTERM');
minimal.kill('SIGTERM');
certServer.close();
await Promise.all([once(receiver, 'exit'), once(minimal, 'exit')]);
await redis.close();
