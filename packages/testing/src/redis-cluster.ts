import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisProcess, redisServerArgs } from './redis-process.js';

/** One node of a local Redis Cluster. */
export interface ClusterNode {
  port: number;
  url: string;
  /** Whether its process runs (a killed node stays down until `start`). */
  readonly running: boolean;
  /** SIGKILL, as a crashed machine: no goodbye, no save. */
  kill(): Promise<void>;
  /** Starts it again with its data and cluster state (it rejoins as a replica). */
  start(): Promise<void>;
}

/** A real local Redis Cluster for a test file: masters with one replica each, AOF on. */
export interface TestCluster {
  nodes: ClusterNode[];
  /** `redis://127.0.0.1:p1,redis://127.0.0.1:p2,...`: the seed list `REDIS_URL` takes with `REDIS_CLUSTER=true`. */
  url: string;
  /** Each node's role and slot ranges as the cluster sees them now (`CLUSTER NODES`). */
  topology(): Promise<ClusterTopology[]>;
  /** The node serving a key's slot now. */
  masterOf(key: string): Promise<ClusterNode>;
  /** Resolves once every slot is served and every live node agrees (`cluster_state:ok`). */
  waitUntilHealthy(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface ClusterTopology {
  port: number;
  role: 'master' | 'replica';
  failed: boolean;
  /** For a replica: the port of its master. */
  masterPort?: number;
  slots: [number, number][];
}

// A node's cluster bus listens on its port + 10000; both must be free and below 65536.
const BUS_OFFSET = 10_000;
const LOWEST_PORT = 20_000;
const HIGHEST_PORT = 54_999;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` ports whose bus ports (+10000) are free as well. */
async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let tries = 0; ports.length < count; tries++) {
    if (tries > 500) throw new Error('no free ports for a local Redis Cluster');
    const port = LOWEST_PORT + Math.floor(Math.random() * (HIGHEST_PORT - LOWEST_PORT));
    if (ports.some((p) => Math.abs(p - port) < 2)) continue;
    if ((await isFree(port)) && (await isFree(port + BUS_OFFSET))) ports.push(port);
  }
  return ports;
}

/** One command over a raw socket (no client library: the cluster may not be formed yet). */
function command(port: number, args: string[], timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`redis on ${port} did not answer ${args[0]}`));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('data', (chunk) => {
      data += String(chunk);
      const reply = parseReply(data);
      if (reply === undefined) return;
      clearTimeout(timer);
      socket.destroy();
      resolve(reply);
    });
    socket.connect(port, '127.0.0.1', () => {
      socket.write(
        `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`,
      );
    });
  });
}

/** A simple or bulk string reply, once complete; an error reply throws. */
function parseReply(data: string): string | undefined {
  const lineEnd = data.indexOf('\r\n');
  if (lineEnd < 0) return undefined;
  const head = data.slice(0, lineEnd);
  if (head.startsWith('+') || head.startsWith(':')) return head.slice(1);
  if (head.startsWith('-')) throw new Error(head.slice(1));
  if (head.startsWith('$')) {
    const length = Number(head.slice(1));
    if (length < 0) return '';
    const body = Buffer.from(data.slice(lineEnd + 2));
    return body.length >= length + 2 ? body.subarray(0, length).toString() : undefined;
  }
  throw new Error(`unexpected reply ${head}`);
}

class LocalClusterNode implements ClusterNode {
  private readonly process: RedisProcess;
  constructor(
    readonly port: number,
    dir: string,
  ) {
    this.process = new RedisProcess(port, () => {
      mkdirSync(dir, { recursive: true });
      return redisServerArgs(port, dir, [
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        // Quick failover for tests; production keeps Redis's 15 s default.
        '--cluster-node-timeout',
        '2000',
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
      ]);
    });
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process.running;
  }

  start(): Promise<void> {
    return this.process.start();
  }

  kill(): Promise<void> {
    return this.process.kill();
  }
}

function parseTopology(text: string): ClusterTopology[] {
  const byId = new Map<string, { port: number; line: string[] }>();
  for (const line of text.trim().split('\n')) {
    const parts = line.trim().split(' ');
    const port = Number(/:(\d+)@/.exec(parts[1] ?? '')?.[1]);
    byId.set(parts[0] ?? '', { port, line: parts });
  }
  return [...byId.values()].map(({ port, line }) => {
    const flags = (line[2] ?? '').split(',');
    const master = line[3] && line[3] !== '-' ? byId.get(line[3]) : undefined;
    const slots = line.slice(8).flatMap((range): [number, number][] => {
      if (range.startsWith('[')) return [];
      const [from, to] = range.split('-').map(Number);
      return from === undefined ? [] : [[from, to ?? from]];
    });
    return {
      port,
      role: flags.includes('master') ? 'master' : 'replica',
      failed: flags.includes('fail') || flags.includes('fail?'),
      ...(master ? { masterPort: master.port } : {}),
      slots,
    };
  });
}

/** Redis Cluster's key slot: CRC16 (XMODEM) of the key's hash tag, mod 16384. */
export function keySlot(key: string): number {
  const open = key.indexOf('{');
  if (open >= 0) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) key = key.slice(open + 1, close);
  }
  let crc = 0;
  for (const byte of Buffer.from(key)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

export function hasRedisClusterBinaries(): boolean {
  return (
    spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0 &&
    spawnSync('redis-cli', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

/**
 * Starts a real Redis Cluster on this machine: `masters` masters with one
 * replica each (six processes by default), formed by `redis-cli --cluster
 * create`, AOF on. Needs redis-server and redis-cli on PATH.
 */
export async function startTestCluster(options: { masters?: number } = {}): Promise<TestCluster> {
  if (!hasRedisClusterBinaries()) {
    throw new Error(
      'A local Redis Cluster needs redis-server and redis-cli on PATH (apt-get install redis-server).',
    );
  }
  const masters = options.masters ?? 3;
  const root = mkdtempSync(join(tmpdir(), 'campus-cluster-'));
  const ports = await freeClusterPorts(masters * 2);
  const nodes = ports.map((port) => new LocalClusterNode(port, join(root, String(port))));
  await Promise.all(nodes.map((node) => node.start()));
  const created = spawnSync(
    'redis-cli',
    [
      '--cluster',
      'create',
      ...ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      '1',
      '--cluster-yes',
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (created.status !== 0) {
    await Promise.all(nodes.map((n) => n.kill()));
    rmSync(root, { recursive: true, force: true });
    throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
  }

  const live = () => nodes.find((n) => n.running);
  async function topology(): Promise<ClusterTopology[]> {
    const node = live();
    if (!node) throw new Error('every node of the test cluster is down');
    return parseTopology(await command(node.port, ['CLUSTER', 'NODES']));
  }

  /**
   * Every live node says `cluster_state:ok` and sees the same roles and slot
   * owners for the live nodes, every live master serves slots (a node
   * `--cluster create` has not yet made a replica still looks like an empty
   * master), and every live replica has synced with its master.
   */
  async function agreed(): Promise<boolean> {
    const running = nodes.filter((n) => n.running);
    const livePorts = new Set(running.map((n) => n.port));
    try {
      const views = await Promise.all(
        running.map(async (n) => {
          const info = await command(n.port, ['CLUSTER', 'INFO']);
          if (!info.includes('cluster_state:ok')) return undefined;
          const view = parseTopology(await command(n.port, ['CLUSTER', 'NODES']))
            .filter((t) => livePorts.has(t.port))
            .sort((a, b) => a.port - b.port);
          if (view.some((t) => t.failed || (t.role === 'master' && t.slots.length === 0)))
            return undefined;
          // A replica that has not synced yet could not take over.
          const self = view.find((t) => t.port === n.port);
          if (self?.role === 'replica') {
            const replication = await command(n.port, ['INFO', 'replication']);
            if (!replication.includes('master_link_status:up')) return undefined;
          }
          return JSON.stringify(view);
        }),
      );
      return views.length > 0 && views.every((v) => v !== undefined && v === views[0]);
    } catch {
      return false;
    }
  }

  const cluster: TestCluster = {
    nodes,
    url: nodes.map((n) => n.url).join(','),
    topology,
    async masterOf(key) {
      const slot = keySlot(key);
      const owner = (await topology()).find(
        (t) => t.role === 'master' && !t.failed && t.slots.some(([a, b]) => slot >= a && slot <= b),
      );
      const node = owner && nodes.find((n) => n.port === owner.port);
      if (!node) throw new Error(`no live master serves slot ${slot} of ${key}`);
      return node;
    },
    async waitUntilHealthy(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await agreed())) {
        if (Date.now() > deadline) throw new Error('the test cluster did not become healthy');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await Promise.all(nodes.map((n) => n.kill()));
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await cluster.waitUntilHealthy();
  } catch (error) {
    await cluster.close();
    throw error;
  }
  return cluster;
}
