import calculateSlot from 'cluster-key-slot';
import { Cluster, type Redis } from 'ioredis';
import type { RedisClient } from './connection.js';

/**
 * Where our keys live. On one Redis every key is `<prefix>:…` as always. On a
 * Redis Cluster each queue's BullMQ keys carry the queue's name as a hash tag
 * (`campus:{invoice-sync}:invoice-sync:wait`), so that one queue's keys share
 * a slot (BullMQ's scripts touch several) while the queues spread over the
 * masters. Our own multi-key scripts and transactions put a hash tag in their
 * keys (`campus:{stats}:…`, `campus:magic:{<address hash>}:…`): see
 * docs/architecture.md#redis-keys.
 */
export function queuePrefix(prefix: string, queue: string, redis: RedisClient): string {
  return redis instanceof Cluster ? `${prefix}:{${queue}}` : prefix;
}

/** A key in the same slot as a queue's own keys (for probes and replication waits). */
export function queueSlotKey(queuePrefixValue: string, queue: string, name: string): string {
  return `${queuePrefixValue}:${queue}:${name}`;
}

/**
 * The connection that serves `key`: the Redis itself, or on a cluster the
 * master connection of the key's slot (the one its writes went through).
 */
export function connectionFor(redis: RedisClient, key: string): Redis {
  if (!(redis instanceof Cluster)) return redis;
  const owner = redis.slots[calculateSlot(key)]?.[0];
  const node = owner
    ? redis.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === owner)
    : undefined;
  if (!node)
    throw new Error(`no connection to the master of ${key}'s slot (the cluster is moving)`);
  return node;
}

/** Fewer replicas than asked confirmed a write within the timeout. */
export class ReplicationTimeoutError extends Error {
  override name = 'ReplicationTimeoutError';
  constructor(
    readonly key: string,
    readonly wanted: number,
    readonly confirmed: number,
  ) {
    super(
      `${confirmed} of ${wanted} replicas confirmed the master of ${key}'s slot in time (REDIS_MIN_REPLICA_ACKS)`,
    );
  }
}

/**
 * Resolves once `replicas` replicas of the master serving `key` hold every
 * write that master had accepted: a small write into the key's slot, then
 * `WAIT` on the same connection. (WAIT counts up to its own connection's last
 * write, and the replication stream is ordered, so that covers the adds of
 * every client before it.)
 */
export async function waitForReplicas(
  redis: RedisClient,
  key: string,
  replicas: number,
  timeoutMs: number,
): Promise<void> {
  const node = connectionFor(redis, key);
  const results = await node
    .pipeline()
    .set(key, '1', 'PX', 60_000)
    .wait(replicas, timeoutMs)
    .exec();
  const [write, wait] = results ?? [];
  if (write?.[0]) throw write[0];
  if (wait?.[0]) throw wait[0];
  const confirmed = Number(wait?.[1] ?? 0);
  if (confirmed < replicas) throw new ReplicationTimeoutError(key, replicas, confirmed);
}

/** Why an enqueue would not succeed now: Redis's own error word (MOVED, READONLY, OOM, CLUSTERDOWN, …). */
export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * Whether an add to every queue would succeed now: one small write into each
 * queue's slot, through the same client the receiver enqueues with. A node
 * that answers MOVED (not a cluster client), CROSSSLOT, READONLY (a replica),
 * OOM (full) or CLUSTERDOWN is not ready.
 */
export async function probeQueues(
  redis: RedisClient,
  queues: readonly { name: string; opts: { prefix?: string } }[],
  basePrefix: string,
): Promise<Readiness> {
  try {
    await Promise.all(
      queues.map((q) =>
        redis.set(queueSlotKey(q.opts.prefix ?? basePrefix, q.name, 'ready'), '1', 'PX', 10_000),
      ),
    );
    return { ready: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ready: false, reason: /^[A-Z]+/.exec(message)?.[0] ?? 'unreachable' };
  }
}
