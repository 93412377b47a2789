/**
 * `npm run bench [-- --quick] [-- --only receivers,cluster,worker,memory] [-- --profile]`
 *
 * In one run: our receiver against a naive express.raw + queue.add receiver
 * and a fastify + queue.add receiver (alternating rounds, medians); our
 * receiver on a local six-node Redis Cluster against one Redis; the worker
 * runtime against a raw BullMQ worker with a no-op processor; Redis bytes per
 * retained event. Prints each figure, the ratios and the goals of issue #13
 * (and #12's cluster run). Absolute figures depend on the machine and what
 * else runs on it; the same-run ratios are what to compare.
 *
 * Knobs: BENCH_CONNECTIONS (50), BENCH_SECONDS (10; quick 3), BENCH_ROUNDS
 * (3; quick 2), BENCH_WORKER_JOBS (20,000; quick 2,000), BENCH_MEMORY_EVENTS
 * (10,000; quick 1,000), BENCH_WRK_THREADS (1), BENCH_LOAD_GENERATOR=autocannon
 * (the fallback even where wrk is installed).
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { loadGenerator } from './lib/load.js';
import { cleanupAll, ROOT } from './lib/processes.js';
import { goalLine, heading, say, type Goal } from './lib/report.js';
import { readSettings } from './lib/settings.js';
import { benchCluster } from './sections/cluster.js';
import { benchMemory } from './sections/memory.js';
import { profileReceiver } from './sections/profile.js';
import { benchReceivers } from './sections/receivers.js';
import { benchWorker } from './sections/worker.js';
import { checkWorkload, fakturiaWorkload, writeWorkloadFile } from './workload.js';

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal}: stopping everything the benchmark started…\n`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

async function main() {
  if (!existsSync(`${ROOT}apps/receiver/dist/main.js`)) {
    throw new Error('apps/receiver is not built: run `npm run build` first (npm run bench does).');
  }
  const settings = readSettings(process.argv.slice(2), loadGenerator());
  const workload = fakturiaWorkload();
  const check = checkWorkload(workload);
  const file = writeWorkloadFile(workload);
  heading('campus-events benchmark');
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
  say(
    `Load: ${settings.generator}, ${settings.connections} connections, warm-up ${settings.warmupSeconds} s, ${settings.rounds} rounds of ${settings.seconds} s${settings.quick ? ' (--quick: a smoke check, not figures to quote)' : ''}`,
  );
  say(
    `Workload: unique Fakturia INVOICE_CREATED webhooks of ${workload.bodyBytes} bytes, token in ?token= (valid, each its own event key; routed to ${check.queues.join(', ')})`,
  );
  const goals: Goal[] = [];
  try {
    if (settings.sections.includes('receivers'))
      goals.push(...(await benchReceivers(settings, file.file)));
    if (settings.sections.includes('cluster'))
      goals.push(...(await benchCluster(settings, file.file)));
    if (settings.sections.includes('worker'))
      goals.push(...(await benchWorker(settings, workload)));
    if (settings.sections.includes('memory'))
      goals.push(...(await benchMemory(settings, workload)));
    if (settings.profile) await profileReceiver(settings, file.file, workload);
  } finally {
    file.remove();
    await cleanupAll();
  }
  heading('Goals');
  for (const goal of goals) say(goalLine(goal));
  const missed = goals.filter((g) => !g.met).length;
  say(missed === 0 ? 'Every goal met.' : `${missed} of ${goals.length} goals missed.`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    // Interrupted: the signal handler stops everything and exits.
    if (stopping) return;
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : error}\n`);
    await cleanupAll();
    process.exit(1);
  },
);
