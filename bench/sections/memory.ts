/**
 * Redis memory per retained event: N accepted webhooks through the real
 * receiver, then drained by our runtime (retention as configured: completed
 * jobs kept 7 days, event records EVENT_KEY_TTL_DAYS, outcome records
 * KEEP_FAILED_DAYS). Also the exact Redis commands of one webhook (MONITOR).
 */
import { Agent, request } from 'node:http';
import type { Redis } from 'ioredis';
import { fmt, heading, say, table, type Goal } from '../lib/report.js';
import { sleep } from '../lib/processes.js';
import type { BenchSettings } from '../lib/settings.js';
import { startOurReceiver, type Target } from '../lib/targets.js';
import { bodyId, bodyOf, freshSalt, type Workload } from '../workload.js';
import { drain } from './worker.js';

const GOAL_BYTES = 3.5 * 1024;

/** Posts `count` unique webhooks, 50 at a time; returns the statuses seen. */
async function send(port: number, workload: Workload, count: number, salt: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const statuses = new Map<number, number>();
  let next = 0;
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: workload.path,
          agent,
          headers: { ...workload.headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < count) {
        const status = await post(bodyOf(workload, bodyId(salt, 0, next++)));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  return statuses;
}

async function memory(redis: Redis) {
  const info = await redis.info('memory');
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1]);
  return { used: field('used_memory'), dataset: field('used_memory_dataset') };
}

/** Every key by kind (event keys and job ids replaced), with MEMORY USAGE summed exactly. */
async function survey(redis: Redis) {
  const groups = new Map<string, { keys: number; bytes: number }>();
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis.scan(cursor, 'COUNT', 1000);
    cursor = nextCursor;
    const pipeline = redis.pipeline();
    for (const key of keys) pipeline.memory('USAGE', key, 'SAMPLES', 0);
    const sizes = (await pipeline.exec()) ?? [];
    keys.forEach((key, i) => {
      const kind = key
        .replace(/fakturia\.[0-9a-f]{64}/, '<event key>')
        .replace(/:\d{6,}$/, ':<minute>');
      const group = groups.get(kind) ?? { keys: 0, bytes: 0 };
      group.keys += 1;
      group.bytes += Number(sizes[i]?.[1] ?? 0);
      groups.set(kind, group);
    });
  } while (cursor !== '0');
  return groups;
}

function printSurvey(groups: Map<string, { keys: number; bytes: number }>, events: number) {
  const rows = [...groups].sort((a, b) => b[1].bytes - a[1].bytes);
  const big = rows.filter(([, g]) => g.bytes / events >= 1);
  const small = rows.filter(([, g]) => g.bytes / events < 1);
  const smallBytes = small.reduce((sum, [, g]) => sum + g.bytes, 0);
  table(
    ['key', 'keys', 'bytes', 'bytes/event'],
    [
      ...big.map(([kind, g]) => [kind, fmt(g.keys), fmt(g.bytes), fmt(g.bytes / events, 1)]),
      [
        `${small.length} other keys (queue meta, stats, …)`,
        fmt(small.length),
        fmt(smallBytes),
        fmt(smallBytes / events, 1),
      ],
    ],
  );
}

/** The fields of one job hash and their sizes: where its bytes go. */
async function jobFields(redis: Redis) {
  const [, keys] = await redis.scan('0', 'MATCH', 'bench:invoice-sync:fakturia.*', 'COUNT', 1000);
  const key = keys[0];
  if (!key) return '(no job hash found)';
  const fields = await redis.hgetall(key);
  const encoding = await redis.object('ENCODING', key);
  const sizes = Object.entries(fields)
    .map(([f, v]) => [f, Buffer.byteLength(v)] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([f, bytes]) => `${f} ${bytes}`);
  return `${sizes.join(', ')} (bytes of each field's value; encoding ${encoding})`;
}

/** One webhook's Redis commands, in order: the client's, and those its scripts ran. */
async function monitorOne(target: Target, workload: Workload) {
  const monitor = await (target.redis.client as Redis).monitor();
  const lines: string[] = [];
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const shown = args.slice(0, 2).map((a) => (a.length > 60 ? `${a.slice(0, 57)}…` : a));
    lines.push(`${source.includes('lua') ? '    (script) ' : '  '}${shown.join(' ')}`);
  });
  await sleep(200);
  await send(target.port, workload, 1, freshSalt());
  await sleep(300);
  monitor.disconnect();
  return lines;
}

export async function benchMemory(settings: BenchSettings, workload: Workload): Promise<Goal[]> {
  heading('Redis memory per retained event');
  const n = settings.memoryEvents;
  const target = await startOurReceiver('memory', 'receiver', 'single');
  const redis = target.redis.client as Redis;
  const before = await memory(redis);
  // Warm-up: the queue's own keys, the script cache, the stats bucket.
  await send(target.port, workload, 100, freshSalt());
  say("One webhook's Redis commands (MONITOR; indented: run inside a script):");
  for (const line of await monitorOne(target, workload)) say(line);
  say();
  say(`Sending ${fmt(n)} more unique ~1.5 KB webhooks through the receiver…`);
  const statuses = await send(target.port, workload, n, freshSalt());
  say(`  statuses: ${[...statuses].map(([s, c]) => `${c} × ${s}`).join(', ')}`);
  const total = n + 101;
  await sleep(5_500); // the receiver's stats recorder flushes every 5 s
  const accepted = await memory(redis);
  say(`Keys after ${fmt(total)} accepted events (MEMORY USAGE … SAMPLES 0):`);
  printSurvey(await survey(redis), total);
  await target.process.stop();

  say();
  say(
    'Draining them with our runtime (each handler records one outcome with ctx.once, as a handler with a side effect does)…',
  );
  const drained = await drain('runtime-once', target.redisUrl, total);
  say(`  ${fmt(drained.completed)} completed, ${drained.failed} failed`);
  await sleep(1_000);
  const retained = await memory(redis);
  const afterDrain = await survey(redis);
  say(`Keys retained after the worker (${fmt(total)} events):`);
  printSurvey(afterDrain, total);
  say(`One completed job hash: ${await jobFields(redis)}`);

  const perEvent = (kinds: RegExp) =>
    [...afterDrain].filter(([k]) => kinds.test(k)).reduce((sum, [, g]) => sum + g.bytes, 0) / total;
  const jobHash = perEvent(/^bench:invoice-sync:<event key>$/);
  const record = perEvent(/^bench:events:<event key>$/);
  const outcome = perEvent(/^bench:outcome:/);
  const completedSet = perEvent(/^bench:invoice-sync:completed$/);
  const retainedKeys = jobHash + record + outcome + completedSet;
  say();
  table(
    ['per event', 'bytes'],
    [
      ['job hash (bench:invoice-sync:<event key>)', fmt(jobHash)],
      ['event record (bench:events:<event key>)', fmt(record)],
      ['outcome record (bench:outcome:invoice-sync:<event key>:bench)', fmt(outcome)],
      ["its entry in the queue's completed set", fmt(completedSet)],
      ['retained keys in all', fmt(retainedKeys)],
      ['used_memory growth ÷ events, after accepting', fmt((accepted.used - before.used) / total)],
      ['used_memory growth ÷ events, after the worker', fmt((retained.used - before.used) / total)],
      [
        'used_memory_dataset growth ÷ events, after the worker',
        fmt((retained.dataset - before.dataset) / total),
      ],
    ],
  );
  say(
    '  (used_memory also holds the events stream, which BullMQ trims to ~10,000 entries per queue, and allocator slack; the retained keys are what grows with every event)',
  );
  return [
    {
      what: 'Redis memory per retained 1.5 KB event (job hash, event record, outcome record, completed-set entry)',
      value: `${fmt(retainedKeys)} B`,
      goal: `≤ 3.5 KB (${fmt(GOAL_BYTES)} B)`,
      met: retainedKeys <= GOAL_BYTES,
    },
  ];
}
