/**
 * One load run against one receiver: wrk where it is installed, autocannon
 * otherwise, always in a process of its own (its CPU is not the bench's or the
 * receiver's), its result read from the one JSON line it prints.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startNode, startProcess } from './processes.js';

export interface LoadResult {
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers with a status other than 2xx (wrk: > 399, which is all this workload can get besides 2xx). */
  non2xx: number;
  /** Connect, read and write errors and timeouts. */
  socketErrors: number;
}

export interface LoadOptions {
  port: number;
  connections: number;
  seconds: number;
  /** The workload file (writeWorkloadFile) and a salt no earlier run used. */
  workloadFile: string;
  salt: string;
}

const LUA = fileURLToPath(new URL('../wrk-unique-bodies.lua', import.meta.url));

export type LoadGenerator = 'wrk' | 'autocannon';

/** wrk when it runs here (BENCH_LOAD_GENERATOR=autocannon forces the fallback). */
export function loadGenerator(): LoadGenerator {
  if (process.env.BENCH_LOAD_GENERATOR === 'autocannon') return 'autocannon';
  return spawnSync('wrk', ['-v'], { stdio: 'ignore' }).error ? 'autocannon' : 'wrk';
}

interface RawResult {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  non2xx: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  timeouts: number;
}

export async function runLoad(generator: LoadGenerator, options: LoadOptions): Promise<LoadResult> {
  const url = `http://127.0.0.1:${options.port}`;
  const child =
    generator === 'wrk'
      ? startProcess(
          'wrk',
          [
            // One thread: the machine has two cores, the receiver and Redis need them more.
            `--threads=${process.env.BENCH_WRK_THREADS ?? 1}`,
            `--connections=${options.connections}`,
            `--duration=${options.seconds}s`,
            '--timeout=5s',
            `--script=${LUA}`,
            url,
            '--',
            options.workloadFile,
            options.salt,
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        )
      : startNode(
          'bench/targets/autocannon-load.ts',
          [
            url,
            String(options.connections),
            String(options.seconds),
            options.workloadFile,
            options.salt,
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
  let output = '';
  child.child.stdout?.on('data', (chunk) => (output += chunk));
  const code = await child.exited;
  const line = /^BENCH_RESULT (.*)$/m.exec(output)?.[1];
  if (code !== 0 || !line) throw new Error(`${generator} failed (${code}):\n${output}`);
  const raw = JSON.parse(line) as RawResult;
  const seconds = raw.durationUs / 1e6;
  return {
    requests: raw.requests,
    seconds,
    reqPerSec: raw.requests / seconds,
    p50Ms: raw.p50Us / 1000,
    p99Ms: raw.p99Us / 1000,
    maxMs: raw.maxUs / 1000,
    non2xx: raw.non2xx,
    socketErrors: raw.connectErrors + raw.readErrors + raw.writeErrors + raw.timeouts,
  };
}
