import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** A connection to one Redis or to a Redis Cluster: every command our code sends works on both. */
export type RedisClient = Redis | Cluster;

/**
 * Where Redis is: the core config (`REDIS_URL`, `REDIS_CLUSTER`), or a single
 * Redis's URL (tests, tools).
 */
export type RedisTarget = string | { redisUrl: string; redisCluster: boolean };

interface ParsedTarget {
  cluster: boolean;
  /** `REDIS_URL` as given: one URL, or the cluster's seed nodes. */
  urls: string[];
}

function parseTarget(target: RedisTarget): ParsedTarget {
  const text = typeof target === 'string' ? target : target.redisUrl;
  const urls = text.split(',').map((u) => u.trim());
  const cluster = typeof target !== 'string' && target.redisCluster;
  if (!cluster && urls.length > 1) {
    throw new Error(
      'Several Redis URLs name a cluster: pass the core config (REDIS_CLUSTER=true), not the URL alone.',
    );
  }
  return { cluster, urls };
}

/**
 * A cluster client for the seed nodes. Credentials and TLS (`rediss://`) come
 * from the first URL and hold for every node, as they do in a Redis Cluster.
 */
function createCluster(urls: string[], redisOptions: RedisOptions, options: ClusterOptions) {
  const first = new URL(urls[0]!);
  const nodes = urls.map((u) => {
    const url = new URL(u);
    return { host: url.hostname, port: Number(url.port || 6379) };
  });
  return new Cluster(nodes, {
    ...options,
    redisOptions: {
      ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
      ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
      ...(first.protocol === 'rediss:' ? { tls: {} } : {}),
      ...redisOptions,
    },
  });
}

/**
 * A producer connection fails fast: when Redis is away, a command errors at
 * once (no offline queue) so the receiver can answer 503 instead of hanging.
 * Commands issued in the same tick are pipelined together, which is what keeps
 * the receiver's Redis round trips cheap under load (on a cluster: per node).
 */
export function createProducerConnection(
  target: RedisTarget,
  options: RedisOptions = {},
): RedisClient {
  const { cluster, urls } = parseTarget(target);
  const redisOptions: RedisOptions = {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    ...options,
  };
  if (!cluster) return new Redis(urls[0]!, { enableAutoPipelining: true, ...redisOptions });
  return createCluster(urls, redisOptions, {
    enableAutoPipelining: true,
    enableOfflineQueue: redisOptions.enableOfflineQueue ?? false,
    // A failover moves slots: follow MOVED/ASK and refresh the slot map
    // quickly, but let a command fail (503) rather than wait for long.
    maxRedirections: 16,
    retryDelayOnFailover: 100,
    retryDelayOnClusterDown: 100,
    retryDelayOnTryAgain: 100,
    slotsRefreshTimeout: 2_000,
    clusterRetryStrategy: (times) => Math.min(times * 100, 1_000),
  });
}

/**
 * A worker connection never gives up: BullMQ workers block on Redis and must
 * ride out a Redis restart (or a failover), so requests wait and reconnects go
 * on forever.
 */
export function createWorkerConnection(
  target: RedisTarget,
  options: RedisOptions = {},
): RedisClient {
  const { cluster, urls } = parseTarget(target);
  const redisOptions: RedisOptions = {
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 250, 5_000),
    ...options,
  };
  if (!cluster) return new Redis(urls[0]!, redisOptions);
  return createCluster(urls, redisOptions, {
    enableOfflineQueue: true,
    maxRedirections: 64,
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    clusterRetryStrategy: (times) => Math.min(times * 250, 5_000),
  });
}

/** Resolves once the connection is ready, or rejects after `timeoutMs`. */
export async function waitUntilReady(redis: RedisClient, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis did not become ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}

/** Closes a connection politely, or cuts it when Redis does not answer. */
export async function closeConnection(redis: RedisClient): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}
