import { UnrecoverableError } from 'bullmq';
import { NonRetriableError, RetryAfterError } from '@campus/errors';
import type { RedisClient } from '../connection.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@campus/config';
import { createLogger } from '@campus/logger';
import { readFixture, startTestRedis, waitFor, type TestRedis } from '@campus/testing';
import type { EventJobData } from '@campus/events';
import {
  createProducerConnection,
  createQueueSet,
  acceptEvent,
  waitUntilReady,
  type QueueSet,
} from '../index.js';
import { defineWorker, type JobContext } from './catalog.js';
import { startWorker, type RunningWorker } from './start-worker.js';

let redis: TestRedis;
let connection: RedisClient;
let queues: QueueSet;
let running: RunningWorker | undefined;
const prefix = 'rt';
const config = loadConfig(['queues', 'worker'], {});
const logger = createLogger({ name: 'runtime-test', level: 'silent' });
const fastSettings = { ...config.worker, lockMs: 2_000, stalledIntervalMs: 1_000, concurrency: 2 };

beforeAll(async () => {
  redis = await startTestRedis();
  connection = createProducerConnection(redis.url);
  await waitUntilReady(connection, 5_000);
  queues = createQueueSet(connection, prefix, config.queues);
});
afterEach(async () => {
  await running?.close(1_000);
  running = undefined;
  await connection.flushall();
});
afterAll(async () => {
  await queues.close();
  connection.disconnect();
  await redis.close();
});

/** Puts the DUNNING_CREATED fixture into dunning-mail as the receiver would, with test-sized retries. */
async function queueDunning(overrides: Partial<EventJobData> = {}, attempts = 3) {
  const rawBody = readFixture('fakturia/DUNNING_CREATED.json');
  const job: EventJobData = {
    source: 'fakturia',
    eventType: 'DUNNING_CREATED',
    eventKey: `fakturia.test${Math.random().toString(16).slice(2)}`,
    rawBody,
    receivedAt: new Date().toISOString(),
    headers: {},
    senderRetryCount: 0,
    ...overrides,
  };
  await queues.domain['dunning-mail'].add('fakturia.DUNNING_CREATED', job, {
    jobId: job.eventKey,
    attempts,
    backoff: { type: 'fixed', delay: 50 },
  });
  return job.eventKey;
}

/** Polls until the job is completed or failed for good. */
function settled(run: RunningWorker, jobId: string): Promise<'completed' | 'failed'> {
  return waitFor(`job ${jobId} to settle`, async () => {
    const state = await run.queue.getJobState(jobId);
    return state === 'completed' || state === 'failed' ? state : undefined;
  });
}

const start = (definition: Parameters<typeof startWorker>[0]) =>
  startWorker(definition, {
    redis: redis.url,
    prefix,
    logger,
    settings: fastSettings,
    retention: config.queues,
  });

describe('the worker runtime', () => {
  it('hands the validated, typed event and its context to the handler', async () => {
    const seen: { level: number; invoice?: string; ctx?: Partial<JobContext> }[] = [];
    running = await start(
      defineWorker({
        queue: 'dunning-mail',
        events: {
          'fakturia.DUNNING_CREATED': async (event, ctx) => {
            seen.push({
              level: event.payload.dunningLevel,
              invoice: event.payload.invoice.invoiceNumber,
              ctx: {
                retryCount: ctx.retryCount,
                senderRetryCount: ctx.senderRetryCount,
                source: ctx.source,
              },
            });
          },
          'paypal.PAYMENT.SALE.DENIED': async () => {},
          'paypal.BILLING.SUBSCRIPTION.PAYMENT.FAILED': async () => {},
          'paypal.PAYMENT.SALE.REFUNDED': async () => {},
          'paypal.PAYMENT.SALE.REVERSED': async () => {},
          'plenigo.FAILED_PAYMENT/PAYMENT_FAILED': async () => {},
        },
        // Only a Fakturia job is queued here; PayPal's confirmation is the apps' tests' concern.
        confirmPaypalEvents: 'off',
      }),
    );
    const id = await queueDunning();
    expect(await settled(running, id)).toBe('completed');
    expect(seen).toEqual([
      {
        level: 1,
        invoice: 'RE-2024-000042',
        ctx: { retryCount: 0, senderRetryCount: 0, source: 'fakturia' },
      },
    ]);
  });

  it('fails an invalid job with a readable reason and goes on working', async () => {
    let handled = 0;
    running = await start({
      queue: 'dunning-mail',
      events: {
        'fakturia.DUNNING_CREATED': async () => {
          handled++;
        },
      },
    });
    const broken = await queueDunning({
      rawBody: '{"eventType":"DUNNING_CREATED","triggerDate":"x","payload":{}}',
    });
    expect(await settled(running, broken)).toBe('failed');
    const job = await queues.domain['dunning-mail'].getJob(broken);
    expect(job?.failedReason).toBe(
      "Invalid DUNNING_CREATED event: /payload/invoice must have required property 'invoice'; /payload/dunningLevel must have required property 'dunningLevel'",
    );
    expect(job?.attemptsMade).toBe(1);
    const good = await queueDunning();
    expect(await settled(running, good)).toBe('completed');
    expect(handled).toBe(1);
  });

  it('fails a job whose name has no handler, without retrying', async () => {
    running = await start({ queue: 'dunning-mail', events: {} });
    const id = await queueDunning();
    expect(await settled(running, id)).toBe('failed');
    expect((await queues.domain['dunning-mail'].getJob(id))?.failedReason).toContain(
      'No handler for job "fakturia.DUNNING_CREATED"',
    );
  });

  it('retries a failing handler with retryCount counting up, then succeeds', async () => {
    const retryCounts: number[] = [];
    running = await start({
      queue: 'dunning-mail',
      events: {
        'fakturia.DUNNING_CREATED': async (_event: unknown, ctx: JobContext) => {
          retryCounts.push(ctx.retryCount);
          if (ctx.retryCount < 2) throw new Error('SMTP said 451');
        },
      },
    });
    const id = await queueDunning({}, 5);
    expect(await settled(running, id)).toBe('completed');
    expect(retryCounts).toEqual([0, 1, 2]);
  });

  it('fails at once on an error that says a retry cannot help', async () => {
    let calls = 0;
    running = await start({
      queue: 'dunning-mail',
      events: {
        'fakturia.DUNNING_CREATED': async () => {
          calls++;
          throw new NonRetriableError('Lexoffice answered 400');
        },
      },
    });
    const id = await queueDunning({}, 5);
    expect(await settled(running, id)).toBe('failed');
    expect(calls).toBe(1);
    expect((await queues.domain['dunning-mail'].getJob(id))?.failedReason).toBe(
      'NonRetriableError: Lexoffice answered 400',
    );
  });

  it('waits out a rate limit without using up an attempt', async () => {
    const calls: { at: number; retryCount: number }[] = [];
    running = await start({
      queue: 'dunning-mail',
      events: {
        'fakturia.DUNNING_CREATED': async (_event: unknown, ctx: JobContext) => {
          calls.push({ at: Date.now(), retryCount: ctx.retryCount });
          if (calls.length === 1) throw new RetryAfterError('429', 700);
        },
      },
    });
    const id = await queueDunning({}, 1);
    expect(await settled(running, id)).toBe('completed');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.retryCount).toBe(0);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(600);
  });

  it('runs a step once across retries: the recorded outcome is returned', async () => {
    let effects = 0;
    const results: string[] = [];
    running = await start({
      queue: 'dunning-mail',
      events: {
        'fakturia.DUNNING_CREATED': async (_event: unknown, ctx: JobContext) => {
          results.push(
            await ctx.once('send', async () => {
              effects++;
              return `message-${effects}`;
            }),
          );
          if (ctx.retryCount === 0) throw new Error('crashed after sending');
        },
      },
    });
    const id = await queueDunning({}, 3);
    expect(await settled(running, id)).toBe('completed');
    expect(effects).toBe(1);
    expect(results).toEqual(['message-1', 'message-1']);
  });

  it('schedules internal jobs and cancels pending ones', async () => {
    const handled: string[] = [];
    running = await start({
      queue: 'offer-mail',
      events: {
        'campus.form.b2b.angebot.submit': async (_event: unknown, ctx: JobContext) => {
          await ctx.enqueue('offer.follow_up', { stufe: 1 }, { jobId: 'fu-1', delayMs: 300 });
          await ctx.enqueue('offer.follow_up', { stufe: 2 }, { jobId: 'fu-2', delayMs: 60_000 });
          expect(await ctx.cancel('fu-2')).toBe(true);
          expect(await ctx.cancel('does-not-exist')).toBe(false);
        },
      },
      jobs: {
        'offer.follow_up': {
          schema: {
            type: 'object',
            required: ['stufe'],
            properties: { stufe: { type: 'integer' } },
          },
          handle: async (data: never) => {
            handled.push(`stufe ${(data as { stufe: number }).stufe}`);
          },
        },
      },
    });
    const event: EventJobData = {
      source: 'campus',
      eventType: 'form.b2b.angebot.submit',
      eventKey: 'campus.msg_1',
      rawBody: readFixture('campus/form.b2b.angebot.submit.json'),
      receivedAt: new Date().toISOString(),
      headers: { 'webhook-id': 'msg_1' },
      senderRetryCount: null,
    };
    await acceptEvent(connection, queues, event, ['offer-mail'], 60);
    expect(await settled(running, 'fu-1')).toBe('completed');
    expect(handled).toEqual(['stufe 1']);
    expect(await queues.domain['offer-mail'].getJob('fu-2')).toBeUndefined();
  });

  it('lets an active job finish when it is closed', async () => {
    let finished = false;
    let startedResolve: () => void = () => {};
    const started = new Promise<void>((r) => (startedResolve = r));
    const run = await start({
      queue: 'dunning-mail',
      events: {
        'fakturia.DUNNING_CREATED': async () => {
          startedResolve();
          await new Promise((r) => setTimeout(r, 500));
          finished = true;
        },
      },
    });
    const id = await queueDunning();
    await started;
    await run.close(5_000);
    expect(finished).toBe(true);
    expect(await queues.domain['dunning-mail'].getJobState(id)).toBe('completed');
  });

  it('aborts the signal of a job still running when the grace period is over', async () => {
    let startedResolve: () => void = () => {};
    const started = new Promise<void>((r) => (startedResolve = r));
    let seen: unknown;
    const run = await start({
      queue: 'dunning-mail',
      events: {
        'fakturia.DUNNING_CREATED': async (_body, ctx) => {
          startedResolve();
          // Reads the signal only after the worker started closing.
          await new Promise((r) => setTimeout(r, 300));
          await new Promise<void>((resolve) => {
            if (ctx.signal.aborted) return resolve();
            ctx.signal.addEventListener('abort', () => resolve());
          });
          seen = ctx.signal.reason;
        },
      },
    });
    await queueDunning();
    await started;
    await run.close(100);
    await waitFor('the handler to see the abort', () => seen !== undefined);
    expect(String(seen)).toContain('worker shutting down');
  });

  it('turns an UnrecoverableError into a failed job with its message', async () => {
    running = await start({
      queue: 'dunning-mail',
      events: {
        'fakturia.DUNNING_CREATED': async () => {
          throw new UnrecoverableError('customer K1234 has no e-mail address');
        },
      },
    });
    const id = await queueDunning({}, 5);
    expect(await settled(running, id)).toBe('failed');
    expect((await queues.domain['dunning-mail'].getJob(id))?.failedReason).toBe(
      'customer K1234 has no e-mail address',
    );
  });
});
