/** Flags and environment knobs of `npm run bench`. */
import type { LoadGenerator } from './load.js';

export const SECTIONS = ['receivers', 'cluster', 'worker', 'memory'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchSettings {
  quick: boolean;
  sections: Section[];
  /** `--profile`: a CPU profile of our receiver under load, top self-time functions. */
  profile: boolean;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  /** Jobs per worker round; events for the memory measurement. */
  workerJobs: number;
  memoryEvents: number;
  generator: LoadGenerator;
}

const positive = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

export function readSettings(argv: string[], generator: LoadGenerator): BenchSettings {
  const quick = argv.includes('--quick');
  const only = argv.flatMap((arg, i) =>
    arg === '--only'
      ? (argv[i + 1] ?? '').split(',')
      : arg.startsWith('--only=')
        ? arg.slice(7).split(',')
        : [],
  );
  for (const s of only) {
    if (!(SECTIONS as readonly string[]).includes(s))
      throw new Error(`--only takes ${SECTIONS.join(', ')} (comma-separated), not "${s}"`);
  }
  const known = ['--quick', '--profile', '--only'];
  for (const [i, arg] of argv.entries())
    if (!known.includes(arg) && !arg.startsWith('--only=') && argv[i - 1] !== '--only')
      throw new Error(
        `unknown argument ${arg}: npm run bench -- [--quick] [--only ${SECTIONS.join('|')}] [--profile]`,
      );
  return {
    quick,
    sections: only.length > 0 ? (only as Section[]) : [...SECTIONS],
    profile: argv.includes('--profile'),
    connections: positive('BENCH_CONNECTIONS', 50),
    seconds: positive('BENCH_SECONDS', quick ? 3 : 10),
    warmupSeconds: quick ? 1 : 3,
    rounds: positive('BENCH_ROUNDS', quick ? 2 : 3),
    workerJobs: positive('BENCH_WORKER_JOBS', quick ? 2_000 : 20_000),
    memoryEvents: positive('BENCH_MEMORY_EVENTS', quick ? 1_000 : 10_000),
    generator,
  };
}
