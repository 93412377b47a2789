import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@campus/config';
import { DOMAIN_QUEUES, type EventJobData } from '@campus/events';
import { createLogger } from '@campus/logger';
import {
  readFixture,
  startTestCluster,
  startTestRedis,
  waitFor,
  type TestCluster,
} from '@campus/testing';
import {
  acceptEvent,
  createProducerConnection,
  createQueueSet,
  defineWorker,
  probeQueues,
  ReplicationTimeoutError,
  startWorker,
  waitUntilReady,
  type JobContext,
  type QueueSet,
  type RedisClient,
} from './index.js';

// One real six-node cluster for the file: three masters, one replica each.
let cluster: TestCluster;
let connection: RedisClient;
let queues: QueueSet;
const target = () => ({ redisUrl: cluster.url, redisCluster: true });
const config = loadConfig(['queues', 'worker'], {});
const logger = createLogger({ name: 'cluster-test', level: 'silent' });

beforeAll(async () => {
  cluster = await startTestCluster();
  connection = createProducerConnection(target(), { enableOfflineQueue: true });
  await waitUntilReady(connection, 10_000);
  queues = createQueueSet(connection, 'cl', config.queues);
}, 120_000);
afterAll(async () => {
  await queues?.close();
  connection?.disconnect();
  await cluster?.close();
});

function dunningJob(eventKey: string): EventJobData {
  return {
    source: 'fakturia',
    eventType: 'DUNNING_CREATED',
    eventKey,
    rawBody: readFixture('fakturia/DUNNING_CREATED.json'),
    receivedAt: new Date().toISOString(),
    headers: {},
    senderRetryCount: 0,
  };
}

describe('the queues on a Redis Cluster', () => {
  it('give each domain queue a hash slot of its own, spread over the masters', async () => {
    const masters = new Set<number>();
    for (const name of DOMAIN_QUEUES) {
      const queue = queues.domain[name];
      expect(queue.opts.prefix).toBe(`cl:{${name}}`);
      masters.add((await cluster.masterOf(`${queue.opts.prefix}:${name}:wait`)).port);
    }
    expect(masters.size).toBeGreaterThanOrEqual(2);
  });

  it('accept an event once and answer a redelivery as a duplicate', async () => {
    const job = dunningJob('fakturia.cluster-once');
    const first = await acceptEvent(connection, queues, job, ['dunning-mail'], 60);
    const again = await acceptEvent(connection, queues, job, ['dunning-mail'], 60);
    expect(first.status).toBe('accepted');
    expect(again.status).toBe('duplicate');
    expect(await queues.domain['dunning-mail'].getJobState(job.eventKey)).toBe('waiting');
  });

  it('are worked by the worker runtime with a cluster client', async () => {
    const job = dunningJob('fakturia.cluster-worked');
    const handled: string[] = [];
    const running = await startWorker(
      defineWorker({
        queue: 'dunning-mail',
        confirmPaypalEvents: 'off',
        events: {
          'fakturia.DUNNING_CREATED': async (_event: unknown, ctx: JobContext) => {
            await ctx.once('step', async () => handled.push(ctx.eventKey));
          },
          'paypal.PAYMENT.SALE.DENIED': async () => undefined,
          'plenigo.FAILED_PAYMENT/PAYMENT_FAILED': async () => undefined,
        } as never,
      }),
      {
        redis: target(),
        prefix: 'cl',
        logger,
        settings: { ...config.worker, concurrency: 2 },
        retention: config.queues,
      },
    );
    try {
      await acceptEvent(connection, queues, job, ['dunning-mail'], 60);
      await waitFor('the job to complete', async () =>
        (await running.queue.getJobState(job.eventKey)) === 'completed' ? true : undefined,
      );
      expect(handled).toContain(job.eventKey);
    } finally {
      await running.close(2_000);
    }
  });

  it('are ready for a cluster client, and not for a plain one (MOVED)', async () => {
    expect(await probeQueues(connection, queues.all(), 'cl')).toEqual({ ready: true });
    const plain = new Redis(cluster.nodes[0]!.url, { maxRetriesPerRequest: 1 });
    try {
      const wrongClient = createQueueSet(plain, 'cl', config.queues);
      const readiness = await probeQueues(plain, wrongClient.all(), 'cl');
      expect(readiness).toEqual({ ready: false, reason: 'MOVED' });
      await wrongClient.close();
    } finally {
      plain.disconnect();
    }
  });

  it('wait for a replica with REDIS_MIN_REPLICA_ACKS, and refuse when none confirms', async () => {
    const replicas = { count: 1, timeoutMs: 500 };
    const ok = await acceptEvent(
      connection,
      queues,
      dunningJob('fakturia.cluster-replicated'),
      ['dunning-mail'],
      60,
      { replicas },
    );
    expect(ok.status).toBe('accepted');

    // Take away the replica of the master that holds dunning-mail.
    const queue = queues.domain['dunning-mail'];
    const master = await cluster.masterOf(`${queue.opts.prefix}:dunning-mail:wait`);
    const replica = (await cluster.topology()).find((t) => t.masterPort === master.port)!;
    const replicaNode = cluster.nodes.find((n) => n.port === replica.port)!;
    await replicaNode.kill();
    try {
      await expect(
        acceptEvent(
          connection,
          queues,
          dunningJob('fakturia.cluster-unreplicated'),
          ['dunning-mail'],
          60,
          { replicas },
        ),
      ).rejects.toBeInstanceOf(ReplicationTimeoutError);
    } finally {
      await replicaNode.start();
      await cluster.waitUntilHealthy();
    }
  }, 60_000);
});

describe('a single Redis', () => {
  it('is not ready when it is full (OOM), though it answers PING', async () => {
    const redis = await startTestRedis();
    const client = createProducerConnection(redis.url);
    try {
      await waitUntilReady(client, 5_000);
      const single = createQueueSet(client, 'full', config.queues);
      expect(await probeQueues(client, single.all(), 'full')).toEqual({ ready: true });
      // Hold more than the limit about to be set: with noeviction, Redis then
      // refuses every write, while it still answers reads and PING.
      const filler = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 64; i++) await client.set(`fill:${i}`, filler);
      await client.config('SET', 'maxmemory', '1mb');
      expect(await client.ping()).toBe('PONG');
      expect(await probeQueues(client, single.all(), 'full')).toEqual({
        ready: false,
        reason: 'OOM',
      });
      await single.close();
    } finally {
      client.disconnect();
      await redis.close();
    }
  });
});
