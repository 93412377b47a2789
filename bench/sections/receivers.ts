/** Our receiver against the express and fastify baselines, alternating, in one run. */
import { alternate, medianRun, type TargetResult } from '../lib/rounds.js';
import { callsPer, fmt, goalLine, heading, say, table, type Goal } from '../lib/report.js';
import type { BenchSettings } from '../lib/settings.js';
import { startBaseline, startOurReceiver } from '../lib/targets.js';

// Commands the bench itself sends between runs (LLEN, INFO, …), not the receivers.
const BENCH_COMMANDS = ['llen', 'info', 'config|resetstat', 'flushall', 'ping', 'client|setinfo'];

export function resultTable(results: TargetResult[]) {
  table(
    ['target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'not 2xx', 'socket errors'],
    results.map((r) => [
      r.target.label,
      fmt(r.reqPerSec),
      fmt(r.p50Ms, 2),
      fmt(r.p99Ms, 2),
      r.rounds.reduce((sum, run) => sum + run.requests, 0) + r.warmup.requests,
      r.non2xx,
      r.socketErrors,
    ]),
  );
}

/**
 * CPU per request of the median round: on a machine the receiver, its Redis
 * and the load generator share, this is what bounds throughput.
 */
export function printCpu(results: TargetResult[]) {
  say();
  say('CPU per request (median round; the process with all its threads, and its redis-server):');
  for (const r of results) {
    const { cpuUs } = medianRun(r);
    const own = cpuUs.process === undefined ? 'n/a (no /proc)' : `${fmt(cpuUs.process)} µs`;
    say(`  ${r.target.label}: ${own}, Redis ${fmt(cpuUs.redis)} µs`);
  }
}

export function printCommandStats(results: TargetResult[], unit = 'webhook') {
  say();
  say(`Redis commands per ${unit} (INFO commandstats of the median round ÷ its requests):`);
  for (const r of results) {
    const run = medianRun(r);
    say(`  ${r.target.label}: ${callsPer(run.calls, run.requests, BENCH_COMMANDS)}`);
  }
}

export async function benchReceivers(
  settings: BenchSettings,
  workloadFile: string,
): Promise<Goal[]> {
  heading('Receivers: ours vs express.raw + queue.add vs fastify + queue.add');
  say('Starting the three receivers, each its own process with its own redis-server (AOF on)…');
  const targets = [
    await startOurReceiver('receiver', 'campus-events receiver', 'single'),
    await startBaseline('express', 'express.raw + queue.add'),
    await startBaseline('fastify', 'fastify + queue.add'),
  ];
  const results = await alternate(targets, settings, workloadFile);
  const [ours, express, fastify] = results as [TargetResult, TargetResult, TargetResult];
  say();
  say(
    `Median of ${settings.rounds} rounds each (${settings.connections} connections, ${settings.seconds} s, ${settings.generator}):`,
  );
  resultTable(results);
  printCpu(results);
  printCommandStats(results);
  for (const r of results) {
    if (r.missingJobs > 0)
      say(`! ${r.target.label}: ${r.missingJobs} run(s) left fewer jobs than answered requests`);
  }
  for (const r of targets) await r.process.stop();

  const vsExpress = ours.reqPerSec / express.reqPerSec;
  const vsFastify = ours.reqPerSec / fastify.reqPerSec;
  const goals: Goal[] = [
    {
      what: 'receiver throughput ÷ express',
      value: `${fmt(vsExpress, 2)}×`,
      goal: '≥ 1.5×',
      met: vsExpress >= 1.5,
    },
    {
      what: 'receiver throughput ÷ fastify',
      value: `${fmt(vsFastify, 2)}×`,
      goal: '≥ 0.8×',
      met: vsFastify >= 0.8,
    },
    {
      what: `receiver p99 at ${settings.connections} connections`,
      value: `${fmt(ours.p99Ms, 2)} ms`,
      goal: '≤ 15 ms',
      met: ours.p99Ms <= 15,
    },
    {
      what: 'receiver answers not 2xx (all runs)',
      value: `${ours.non2xx} not 2xx, ${ours.socketErrors} socket errors`,
      goal: '0',
      met: ours.non2xx === 0 && ours.socketErrors === 0,
    },
  ];
  say();
  say(
    `p99 ratios: receiver ÷ express ${fmt(ours.p99Ms / express.p99Ms, 2)}×, receiver ÷ fastify ${fmt(ours.p99Ms / fastify.p99Ms, 2)}×`,
  );
  for (const goal of goals) say(goalLine(goal));
  return goals;
}
