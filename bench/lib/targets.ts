/** The HTTP receivers the benchmark loads, each its own process with its own Redis. */
import { Cluster, Redis } from 'ioredis';
import { freePort } from '@campus/testing';
import {
  onCleanup,
  startCluster,
  startNode,
  startRedis,
  waitForHttp,
  type Child,
} from './processes.js';

/** Redis as the bench sees it: one server or the masters of a cluster. */
export class RedisAdmin {
  private constructor(
    readonly client: Redis | Cluster,
    private readonly masters: () => Redis[],
  ) {}

  static single(url: string): RedisAdmin {
    const client = new Redis(url, { maxRetriesPerRequest: 3 });
    const admin = new RedisAdmin(client, () => [client]);
    onCleanup(async () => void client.disconnect());
    return admin;
  }

  static cluster(seeds: string[]): RedisAdmin {
    const client = new Cluster(
      seeds.map((s) => {
        const url = new URL(s);
        return { host: url.hostname, port: Number(url.port) };
      }),
    );
    const admin = new RedisAdmin(client, () => client.nodes('master'));
    onCleanup(async () => void client.disconnect());
    return admin;
  }

  async ready(): Promise<void> {
    await this.client.ping();
  }

  /** Empties every master (replicas follow), so that each round starts alike. */
  async flush(): Promise<void> {
    await Promise.all(this.masters().map((m) => m.flushall()));
  }

  async resetStats(): Promise<void> {
    await Promise.all(this.masters().map((m) => m.config('RESETSTAT')));
  }

  /** `INFO commandstats` calls per command, summed over the masters. */
  async commandCalls(): Promise<Map<string, number>> {
    const calls = new Map<string, number>();
    for (const master of this.masters()) {
      const info = await master.info('commandstats');
      for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
        calls.set(match[1]!, (calls.get(match[1]!) ?? 0) + Number(match[2]));
      }
    }
    return calls;
  }

  /** CPU seconds (user + system) the masters' redis-server processes have used (`INFO cpu`). */
  async cpuSeconds(): Promise<number> {
    let total = 0;
    for (const master of this.masters()) {
      const info = await master.info('cpu');
      for (const field of ['used_cpu_user', 'used_cpu_sys'])
        total += Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
    }
    return total;
  }

  async info(section: string): Promise<Record<string, string>> {
    const fields: Record<string, string> = {};
    for (const master of this.masters()) {
      for (const line of (await master.info(section)).split('\r\n')) {
        const [key, value] = line.split(':');
        if (key && value !== undefined && !key.startsWith('#')) fields[key] = value;
      }
    }
    return fields;
  }
}

export interface Target {
  /** Short name in tables: receiver, express, fastify, cluster. */
  name: string;
  label: string;
  port: number;
  redis: RedisAdmin;
  /** REDIS_URL as the target got it. */
  redisUrl: string;
  /** Jobs waiting in the target's queue (nothing works on them during a load run). */
  jobs(): Promise<number>;
  process: Child;
}

/** The Redis behind a target: a fresh server, or a fresh local cluster. */
export async function freshRedis(kind: 'single' | 'cluster') {
  if (kind === 'single') {
    const redis = await startRedis();
    return { url: redis.url, cluster: false, admin: RedisAdmin.single(redis.url) };
  }
  const cluster = await startCluster();
  const admin = RedisAdmin.cluster(cluster.nodes.map((n) => n.url));
  await admin.ready();
  return { url: cluster.url, cluster: true, admin };
}

/** Our receiver, built (apps/receiver/dist/main.js), as production runs it (LOG_LEVEL info, to /dev/null). */
export async function startOurReceiver(
  name: string,
  label: string,
  redisKind: 'single' | 'cluster',
  nodeOptions: string[] = [],
): Promise<Target> {
  const { url, cluster, admin } = await freshRedis(redisKind);
  const port = await freePort();
  const child = startNode('apps/receiver/dist/main.js', [], {
    nodeOptions,
    env: {
      REDIS_URL: url,
      REDIS_CLUSTER: String(cluster),
      RECEIVER_PORT: String(port),
      RECEIVER_HOST: '127.0.0.1',
      QUEUE_PREFIX: 'bench',
    },
  });
  await waitForHttp(port, '/readyz', child);
  const waitKey = cluster ? 'bench:{invoice-sync}:invoice-sync:wait' : 'bench:invoice-sync:wait';
  return {
    name,
    label,
    port,
    redis: admin,
    redisUrl: url,
    jobs: () => admin.client.llen(waitKey),
    process: child,
  };
}

/** The express or fastify baseline (bench/targets/*-receiver.ts) on a fresh Redis. */
export async function startBaseline(kind: 'express' | 'fastify', label: string): Promise<Target> {
  const { url, admin } = await freshRedis('single');
  const port = await freePort();
  const child = startNode(`bench/targets/${kind}-receiver.ts`, [url, String(port)]);
  await waitForHttp(port, '/healthz', child);
  return {
    name: kind,
    label,
    port,
    redis: admin,
    redisUrl: url,
    jobs: () => admin.client.llen('bench:invoice-sync:wait'),
    process: child,
  };
}
