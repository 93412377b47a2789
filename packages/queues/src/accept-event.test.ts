import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type EventJobData, type DomainQueue } from '@campus/events';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { acceptEvent, eventRecordKey } from './accept-event.js';
import { createProducerConnection, waitUntilReady, type RedisClient } from './connection.js';
import { createQueueSet, type QueueSet } from './queues.js';

let server: TestRedis;
let redis: RedisClient;
let queues: QueueSet;
beforeAll(async () => {
  server = await startTestRedis();
  redis = createProducerConnection(server.url);
  await waitUntilReady(redis, 5_000);
  queues = createQueueSet(redis, 'acc', { keepCompletedDays: 7, keepFailedDays: 30 });
});
afterAll(async () => {
  await queues.close();
  redis.disconnect();
  await server.close();
});

let serial = 0;
/** A fresh routed Fakturia event (DUNNING_CREATED → dunning-mail). */
function freshEvent(): { job: EventJobData; targets: DomainQueue[] } {
  const body = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json')) as Record<string, unknown>;
  body.triggerDate = `2024-05-22T07:00:${String(serial++).padStart(2, '0')}`;
  const result = ingest('fakturia', JSON.stringify(body), {
    receivedAt: new Date().toISOString(),
    headers: {},
  });
  if (result.outcome !== 'routed') throw new Error(result.outcome);
  return { job: result.job, targets: result.queues };
}

/** How many times the connection writes to its socket while `run` runs. */
async function countWrites<T>(run: () => Promise<T>): Promise<{ result: T; writes: number }> {
  const stream = (redis as unknown as { stream: Socket }).stream;
  const write = stream.write;
  let writes = 0;
  stream.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
    writes++;
    return write.apply(this, args);
  } as Socket['write'];
  try {
    return { result: await run(), writes };
  } finally {
    stream.write = write;
  }
}

describe('acceptEvent', () => {
  it('records a new event and adds its job in one write to Redis', async () => {
    const { job, targets } = freshEvent();
    const { result, writes } = await countWrites(() =>
      acceptEvent(redis, queues, job, targets, 60),
    );
    expect(result.status).toBe('accepted');
    expect(writes).toBe(1);
    expect(await redis.get(eventRecordKey('acc', job.eventKey))).toBe(job.receivedAt);
    expect(await queues.domain['dunning-mail'].getJobState(job.eventKey)).toBe('waiting');
    // hash-max-listpack-value 4096, as docker-compose.yml runs Redis: the job hash stays compact.
    const jobKey = queues.domain['dunning-mail'].toKey(job.eventKey);
    expect(await redis.object('ENCODING', jobKey)).toBe('listpack');
  });

  it('answers a redelivery as a duplicate and adds nothing', async () => {
    const { job, targets } = freshEvent();
    await acceptEvent(redis, queues, job, targets, 60);
    const before = await queues.domain['dunning-mail'].getJobCounts('waiting');
    expect(await acceptEvent(redis, queues, job, targets, 60)).toEqual({
      status: 'duplicate',
      eventKey: job.eventKey,
    });
    expect(await queues.domain['dunning-mail'].getJobCounts('waiting')).toEqual(before);
  });

  it('adds the job again when a redelivery finds it missing (the first add never landed)', async () => {
    const { job, targets } = freshEvent();
    await acceptEvent(redis, queues, job, targets, 60);
    const queue = queues.domain['dunning-mail'];
    await (await queue.getJob(job.eventKey))!.remove();
    const again = await acceptEvent(redis, queues, job, targets, 60);
    expect(again).toMatchObject({ status: 'accepted', requeued: [] });
    expect(await queue.getJobState(job.eventKey)).toBe('waiting');
  });

  it('retries a job that failed for good when the sender delivers again', async () => {
    const { job, targets } = freshEvent();
    await acceptEvent(redis, queues, job, targets, 60);
    const queue = queues.domain['dunning-mail'];
    // As a worker leaves a job that failed for good: out of wait, into the failed set.
    await redis.lrem(queue.toKey('wait'), 0, job.eventKey);
    await redis.zadd(queue.toKey('failed'), Date.now(), job.eventKey);
    expect(await queue.getJobState(job.eventKey)).toBe('failed');
    const again = await acceptEvent(redis, queues, job, targets, 60);
    expect(again).toMatchObject({ status: 'accepted', requeued: ['dunning-mail'] });
    expect(await queue.getJobState(job.eventKey)).toBe('waiting');
  });
});
