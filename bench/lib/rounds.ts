/**
 * Loads several targets in one run: a warm-up each, then rounds whose order
 * alternates (forwards, then backwards, rotated), so that no target always
 * runs first, last or after the same neighbour; each run starts on an
 * emptied Redis with reset statistics.
 */
import { freshSalt } from '../workload.js';
import { runLoad, type LoadResult } from './load.js';
import { processCpuSeconds, sleep } from './processes.js';
import { fmt, median, say } from './report.js';
import type { BenchSettings } from './settings.js';
import type { Target } from './targets.js';

export interface Run extends LoadResult {
  /** Jobs the run left in the target's queue: at least one per answered request. */
  jobs: number;
  /** `INFO commandstats` calls during the run. */
  calls: Map<string, number>;
  /** CPU time per answered request, in µs: the target's process (every thread) and its Redis. */
  cpuUs: { process?: number; redis: number };
}

export interface TargetResult {
  target: Target;
  warmup: Run;
  rounds: Run[];
  /** Medians of the rounds, each figure on its own. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Summed over every run, warm-up included: must be 0. */
  non2xx: number;
  socketErrors: number;
  /** Runs that left fewer jobs than answered requests (a duplicate path or a lost add). */
  missingJobs: number;
}

async function loadOnce(
  target: Target,
  seconds: number,
  settings: BenchSettings,
  workloadFile: string,
): Promise<Run> {
  await target.redis.flush();
  await target.redis.resetStats();
  await sleep(500);
  const pid = target.process.child.pid;
  const before = { process: processCpuSeconds(pid), redis: await target.redis.cpuSeconds() };
  const result = await runLoad(settings.generator, {
    port: target.port,
    connections: settings.connections,
    seconds,
    workloadFile,
    salt: freshSalt(),
  });
  // Adds still in flight when the load generator stopped land within a moment.
  await sleep(300);
  const after = { process: processCpuSeconds(pid), redis: await target.redis.cpuSeconds() };
  const perRequest = (seconds: number) => (seconds * 1e6) / Math.max(result.requests, 1);
  const cpuUs = {
    process:
      before.process === undefined || after.process === undefined
        ? undefined
        : perRequest(after.process - before.process),
    redis: perRequest(after.redis - before.redis),
  };
  const [jobs, calls] = await Promise.all([target.jobs(), target.redis.commandCalls()]);
  return { ...result, jobs, calls, cpuUs };
}

function describe(run: Run): string {
  const problems = [
    run.non2xx > 0 ? `${run.non2xx} NOT 2xx` : '',
    run.socketErrors > 0 ? `${run.socketErrors} socket errors` : '',
    run.jobs < run.requests ? `only ${run.jobs} jobs for ${run.requests} requests` : '',
  ].filter(Boolean);
  return `  ${fmt(run.reqPerSec)} req/s, p50 ${fmt(run.p50Ms, 2)} ms, p99 ${fmt(run.p99Ms, 2)} ms, ${run.requests} requests${problems.length ? `, ${problems.join(', ')}` : ''}`;
}

export async function alternate(
  targets: Target[],
  settings: BenchSettings,
  workloadFile: string,
): Promise<TargetResult[]> {
  const warmups = new Map<Target, Run>();
  for (const target of targets) {
    say(
      `Warm-up: ${target.label}, ${settings.connections} connections, ${settings.warmupSeconds} s…`,
    );
    const run = await loadOnce(target, settings.warmupSeconds, settings, workloadFile);
    say(describe(run));
    warmups.set(target, run);
  }
  const rounds = new Map<Target, Run[]>(targets.map((t) => [t, []]));
  for (let round = 0; round < settings.rounds; round++) {
    const rotated = targets.map((_, i) => targets[(i + Math.floor(round / 2)) % targets.length]!);
    const order = round % 2 === 0 ? rotated : rotated.reverse();
    for (const target of order) {
      say(
        `Round ${round + 1}/${settings.rounds}: ${target.label}, ${settings.connections} connections, ${settings.seconds} s…`,
      );
      const run = await loadOnce(target, settings.seconds, settings, workloadFile);
      say(describe(run));
      rounds.get(target)!.push(run);
    }
  }
  return targets.map((target) => {
    const runs = rounds.get(target)!;
    const all = [warmups.get(target)!, ...runs];
    return {
      target,
      warmup: warmups.get(target)!,
      rounds: runs,
      reqPerSec: median(runs.map((r) => r.reqPerSec)),
      p50Ms: median(runs.map((r) => r.p50Ms)),
      p99Ms: median(runs.map((r) => r.p99Ms)),
      non2xx: all.reduce((sum, r) => sum + r.non2xx, 0),
      socketErrors: all.reduce((sum, r) => sum + r.socketErrors, 0),
      missingJobs: all.filter((r) => r.jobs < r.requests).length,
    };
  });
}

/** The round whose throughput is the median one (for its command counts). */
export function medianRun(result: TargetResult): Run {
  const sorted = [...result.rounds].sort((a, b) => a.reqPerSec - b.reqPerSec);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
