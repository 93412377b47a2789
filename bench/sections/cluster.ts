/** Issue #12: our receiver on a local six-node Redis Cluster against the same receiver on one Redis. */
import { alternate, type TargetResult } from '../lib/rounds.js';
import { fmt, heading, say, type Goal } from '../lib/report.js';
import type { BenchSettings } from '../lib/settings.js';
import { startOurReceiver } from '../lib/targets.js';
import { printCommandStats, printCpu, resultTable } from './receivers.js';

export async function benchCluster(settings: BenchSettings, workloadFile: string): Promise<Goal[]> {
  heading('Cluster: our receiver on a six-node Redis Cluster vs on one Redis');
  say(
    'Starting a local Redis Cluster (3 masters + 3 replicas, AOF on, same machine) and one redis-server, a receiver on each…',
  );
  const targets = [
    await startOurReceiver('single', 'receiver, one Redis', 'single'),
    await startOurReceiver('cluster', 'receiver, six-node cluster', 'cluster'),
  ];
  const results = await alternate(targets, settings, workloadFile);
  const [single, cluster] = results as [TargetResult, TargetResult];
  say();
  say(
    `Median of ${settings.rounds} rounds each (${settings.connections} connections, ${settings.seconds} s):`,
  );
  resultTable(results);
  printCpu(results);
  printCommandStats(results);
  say('  (cluster: summed over the three masters)');
  for (const t of targets) await t.process.stop();
  say();
  say(
    `ratio (cluster ÷ one Redis): throughput ${fmt(cluster.reqPerSec / single.reqPerSec, 2)}×, p99 ${fmt(cluster.p99Ms / single.p99Ms, 2)}×`,
  );
  say(
    '  (one machine: the six redis-servers share its cores with the receiver and the load generator, so this shows the cost of the cluster client and layout, not a cluster’s capacity)',
  );
  const clean = cluster.non2xx === 0 && cluster.socketErrors === 0;
  return [
    {
      what: 'receiver on the cluster: answers not 2xx (all runs)',
      value: `${cluster.non2xx} not 2xx, ${cluster.socketErrors} socket errors`,
      goal: '0',
      met: clean,
    },
  ];
}
