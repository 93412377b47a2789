/**
 * Everything the benchmark starts (redis-servers, receivers, workers, load
 * generators) is registered here and stopped at the end, on failure and on
 * SIGINT/SIGTERM.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  startTestCluster,
  startTestRedis,
  type TestCluster,
  type TestRedis,
} from '@campus/testing';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const cleanups = new Set<() => Promise<void>>();

/** Registers a stop; returns a function that runs it now (once) and forgets it. */
export function onCleanup(stop: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  const run = () => {
    cleanups.delete(run);
    done ??= stop().catch((error: unknown) => {
      process.stderr.write(`cleanup: ${error instanceof Error ? error.message : error}\n`);
    });
    return done;
  };
  cleanups.add(run);
  return run;
}

/** Stops everything still registered, newest first. */
export async function cleanupAll(): Promise<void> {
  for (const stop of [...cleanups].reverse()) await stop();
}

export interface Child {
  child: ChildProcess;
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

/**
 * Runs a process in the repository root. By default stdout goes to /dev/null
 * (a receiver pays for writing its log lines, nobody for reading them) and
 * stderr to ours, so that a crash is seen.
 */
export function startProcess(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; stdio?: StdioOptions } = {},
): Child {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: options.stdio ?? ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const stop = onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  void exited.then(() => stop());
  return { child, exited, stop };
}

/**
 * A TypeScript file of the bench (or an app's built main.js) as its own Node
 * process. `builtPackages`: @campus/* from their dist/, as production runs
 * them, rather than from source.
 */
export function startNode(
  file: string,
  args: string[] = [],
  options: {
    env?: Record<string, string>;
    stdio?: StdioOptions;
    nodeOptions?: string[];
    builtPackages?: boolean;
  } = {},
): Child {
  const source = options.builtPackages ? [] : ['--conditions=@campus/source'];
  const loader = file.endsWith('.ts') ? [...source, '--import', 'tsx'] : [];
  return startProcess(
    process.execPath,
    [...(options.nodeOptions ?? []), ...loader, file, ...args],
    options,
  );
}

/** Resolves once GET `path` answers 200; rejects when the process exits first. */
export async function waitForHttp(port: number, path: string, child: Child): Promise<void> {
  let exited = false;
  void child.exited.then(() => (exited = true));
  for (let i = 0; i < 300; i++) {
    if (exited) throw new Error(`the process for port ${port} exited before it answered`);
    const ok = await fetch(`http://127.0.0.1:${port}${path}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answers GET ${path} on port ${port}`);
}

/** A fresh redis-server of its own, AOF on (appendfsync everysec, as docker-compose.yml runs it). */
export async function startRedis(): Promise<TestRedis> {
  const redis = await startTestRedis({ appendOnly: true });
  onCleanup(() => redis.close());
  return redis;
}

/** A local six-node Redis Cluster (three masters, a replica each, AOF on). */
export async function startCluster(): Promise<TestCluster> {
  const cluster = await startTestCluster({ masters: 3 });
  onCleanup(() => cluster.close());
  return cluster;
}

/**
 * CPU seconds (user + system, every thread) a process has used, from
 * /proc/<pid>/stat; undefined where there is no /proc (not Linux).
 */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces): state is 3rd, utime 14th, stime 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
// USER_HZ: 100 on every Linux the bench runs on (`getconf CLK_TCK`).
const CLOCK_TICKS_PER_SECOND = 100;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
