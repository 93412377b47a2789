/**
 * `--profile`: CPU profiles (node --cpu-prof) of our receiver under the same
 * load and of the worker runtime draining the same jobs, each reduced to the
 * 15 functions with the most self time. The profiled runs are not among the
 * measured ones (profiling slows a process down).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from '../lib/load.js';
import { ROOT } from '../lib/processes.js';
import { fmt, heading, say, table } from '../lib/report.js';
import type { BenchSettings } from '../lib/settings.js';
import { freshRedis, startOurReceiver } from '../lib/targets.js';
import { bodyId, eventJobOf, freshSalt, type Workload } from '../workload.js';
import { drain, enqueueEventJobs } from './worker.js';

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function is: `packages/events/src/…:12`, `bullmq/…:40`, `node:internal/…`. */
function place(url: string, line: number): string {
  if (!url) return '';
  let path = url.replace(/^file:\/\//, '');
  if (path.startsWith(ROOT)) path = path.slice(ROOT.length);
  path = path.replace(/^.*node_modules\//, '');
  return `${path}:${line + 1}`;
}

function topSelfTime(file: string, count = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${place(url, lineNumber)}`.trim();
    self.set(name, (self.get(name) ?? 0) + delta);
  });
  const idle = self.get('(idle)') ?? 0;
  const busy = total - idle;
  say(
    `  ${fmt(total / 1000)} ms sampled, ${fmt(idle / 1000)} ms idle; % of the busy time (${fmt(busy / 1000)} ms):`,
  );
  table(
    ['function (self time)', 'ms', '%'],
    [...self]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => [name, fmt(us / 1000), fmt((us / busy) * 100, 1)]),
  );
}

function profileDir() {
  const dir = mkdtempSync(join(tmpdir(), 'campus-bench-prof-'));
  return {
    dir,
    file() {
      const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (!name) throw new Error('the profiled process wrote no .cpuprofile');
      return join(dir, name);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function profileReceiver(
  settings: BenchSettings,
  workloadFile: string,
  workload: Workload,
): Promise<void> {
  heading('CPU profiles (--profile)');
  const receiverDir = profileDir();
  try {
    const target = await startOurReceiver('profile', 'receiver (profiled)', 'single', [
      '--cpu-prof',
      `--cpu-prof-dir=${receiverDir.dir}`,
    ]);
    say(
      `Receiver under ${settings.connections} connections for ${settings.seconds} s, profiled (figures not comparable)…`,
    );
    const run = await runLoad(settings.generator, {
      port: target.port,
      connections: settings.connections,
      seconds: settings.seconds,
      workloadFile,
      salt: freshSalt(),
    });
    say(`  ${fmt(run.reqPerSec)} req/s, ${run.non2xx} not 2xx`);
    await target.process.stop();
    topSelfTime(receiverDir.file());
  } finally {
    receiverDir.remove();
  }

  const workerDir = profileDir();
  try {
    const n = settings.workerJobs;
    say();
    say(`Worker runtime draining ${fmt(n)} event jobs, concurrency 50, profiled…`);
    const { url, admin } = await freshRedis('single');
    const salt = freshSalt();
    await admin.flush();
    await enqueueEventJobs(
      url,
      Array.from({ length: n }, (_, i) => eventJobOf(workload, bodyId(salt, 0, i))),
    );
    await drain('runtime', url, n, ['--cpu-prof', `--cpu-prof-dir=${workerDir.dir}`]);
    topSelfTime(workerDir.file());
  } finally {
    workerDir.remove();
  }
}
