import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { WorkerConfig } from '@campus/config';
import { QUARANTINE_QUEUE, type EventJobData, type Source } from '@campus/events';
import { createAccessLogger, type Logger } from '@campus/logger';
import {
  closeConnection,
  createProducerConnection,
  createWorkerConnection,
  type RedisClient,
  type RedisTarget,
} from '../connection.js';
import { quarantinePayload } from '../accept-event.js';
import {
  CAMPUS_BACKOFF,
  campusBackoff,
  defaultJobOptions,
  quarantineJobOptions,
  type RetentionSettings,
} from '../job-options.js';
import { queuePrefix } from '../key-layout.js';
import type { AnyWorkerDefinition, JobContext } from './catalog.js';
import { runOnce } from './idempotency.js';
import { parseEventJob, parseInternalJob } from './job-validation.js';
import { confirmBeforeHandling } from './paypal-confirmation.js';
import { decideRetry } from './retry-policy.js';
import type { WorkerMetrics } from './worker-metrics.js';

export interface StartWorkerOptions {
  /** The core config (REDIS_URL, REDIS_CLUSTER), or a single Redis's URL. */
  redis: RedisTarget;
  prefix: string;
  logger: Logger;
  settings: WorkerConfig;
  retention: RetentionSettings;
  metrics?: WorkerMetrics;
}

export interface RunningWorker {
  worker: Worker;
  /** Producer-side handle of the same queue (for rate limits, internal jobs, tests). */
  queue: Queue;
  /** Stops taking jobs, lets active ones finish within `graceMs`, aborts the rest, closes connections. */
  close(graceMs?: number): Promise<void>;
}

// Without a limiter BullMQ ignores manual rate limits (queue.rateLimit), so
// every worker has one; this default never binds.
const UNBOUNDED_LIMITER = { max: 100_000, duration: 1_000 };

/** Starts a BullMQ worker for a domain definition: validation, context, retry policy, metrics. */
export async function startWorker(
  definition: AnyWorkerDefinition,
  options: StartWorkerOptions,
): Promise<RunningWorker> {
  const { logger, settings, metrics } = options;
  const queueName = definition.queue as string;
  const producer: RedisClient = createProducerConnection(options.redis, {
    enableOfflineQueue: true,
  });
  const prefix = queuePrefix(options.prefix, queueName, producer);
  producer.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
  const queue = new Queue(queueName, {
    connection: producer,
    prefix,
    defaultJobOptions: defaultJobOptions(options.retention),
  });
  queue.on('error', (error) => logger.warn({ err: error.message }, 'queue error'));
  // Where a worker puts what it must not act on: a PayPal event PayPal does not confirm.
  const quarantine = new Queue(QUARANTINE_QUEUE, {
    connection: producer,
    prefix: queuePrefix(options.prefix, QUARANTINE_QUEUE, producer),
    defaultJobOptions: quarantineJobOptions(options.retention),
  });
  quarantine.on('error', (error) => logger.warn({ err: error.message }, 'queue error'));
  if (definition.confirmPaypalEvents === 'off') {
    logger.warn(
      { queue: queueName },
      'PAYPAL_CONFIRM_EVENTS is false: money-moving PayPal events are acted on without asking PayPal',
    );
  }
  const outcomeTtl = options.retention.keepFailedDays * 24 * 60 * 60;
  // "job done" lines carry ids and a duration only: the access logger, without redaction.
  const doneLog = createAccessLogger(logger);
  // Each active job's abort controller, made when its handler first reads ctx.signal.
  const active = new Map<string, { controller?: AbortController }>();
  let abortReason: Error | undefined;
  const events = definition.events as Record<
    string,
    (body: unknown, ctx: JobContext) => Promise<unknown>
  >;
  const jobs = (definition.jobs ?? {}) as Record<
    string,
    { schema: object; handle(d: unknown, c: JobContext): Promise<unknown> }
  >;

  async function process(job: Job): Promise<unknown> {
    const jobId = job.id ?? '';
    const slot: { controller?: AbortController } = {};
    active.set(jobId, slot);
    const started = performance.now();
    const retryCount = job.attemptsMade;
    let eventKey: string | undefined;
    // A child logger costs more than a no-op job: made when something logs.
    let childLog: Logger | undefined;
    const log = () =>
      (childLog ??= logger.child({ queue: queueName, jobId, job: job.name, retryCount, eventKey }));
    try {
      let body: unknown;
      let handler: (body: unknown, ctx: JobContext) => Promise<unknown>;
      let ctxBase: Pick<JobContext, 'eventKey' | 'senderRetryCount' | 'receivedAt' | 'source'>;
      let event: EventJobData | undefined;
      if (Object.hasOwn(events, job.name)) {
        const parsed = parseEventJob(job.data);
        event = parsed.job;
        body = parsed.body;
        handler = events[job.name]!;
        ctxBase = {
          eventKey: parsed.job.eventKey,
          senderRetryCount: parsed.job.senderRetryCount ?? null,
          receivedAt: parsed.job.receivedAt,
          source: parsed.job.source as Source,
        };
      } else if (Object.hasOwn(jobs, job.name)) {
        const internal = jobs[job.name]!;
        body = parseInternalJob(job.name, internal.schema, job.data);
        handler = (data, ctx) => internal.handle(data, ctx);
        ctxBase = {
          eventKey: jobId,
          senderRetryCount: null,
          receivedAt: new Date(job.timestamp).toISOString(),
          source: 'internal',
        };
      } else {
        throw new UnrecoverableError(`No handler for job "${job.name}" in queue ${queueName}.`);
      }
      eventKey = ctxBase.eventKey;
      const ctx: JobContext = {
        ...ctxBase,
        queue: definition.queue,
        jobId,
        retryCount,
        get log() {
          return log();
        },
        get signal() {
          if (!slot.controller) {
            slot.controller = new AbortController();
            if (abortReason) slot.controller.abort(abortReason);
          }
          return slot.controller.signal;
        },
        once: (step, effect) =>
          runOnce(
            producer,
            `${options.prefix}:outcome:${queueName}:${ctxBase.eventKey}:${step}`,
            { ttlSeconds: outcomeTtl, leaseMs: settings.lockMs },
            effect,
          ),
        async enqueue(name, data, opts) {
          await queue.add(name, data, { jobId: opts.jobId, delay: opts.delayMs });
        },
        async cancel(id) {
          const pending = await queue.getJob(id);
          if (!pending || !((await pending.isDelayed()) || (await pending.isWaiting())))
            return false;
          await pending.remove();
          return true;
        },
      };
      if (event !== undefined) {
        await confirmBeforeHandling(event, body, ctx, {
          confirm: definition.confirmPaypalEvents,
          quarantine: (data) => quarantinePayload({ quarantine }, data),
        });
      }
      const result = await handler(body, ctx);
      metrics?.jobs.inc({ queue: queueName, name: job.name, outcome: 'completed' });
      doneLog.info(
        {
          queue: queueName,
          jobId,
          job: job.name,
          retryCount,
          eventKey,
          ms: Math.round(performance.now() - started),
        },
        'job done',
      );
      return result ?? null;
    } catch (error) {
      const decision = decideRetry(error);
      const message = decision.error.message;
      if (decision.kind === 'wait') {
        metrics?.jobs.inc({ queue: queueName, name: job.name, outcome: 'rate_limited' });
        log().warn(
          { waitMs: decision.ms, reason: message },
          'upstream asks to wait: queue paused, attempt not counted',
        );
        await queue.rateLimit(decision.ms);
        throw Worker.RateLimitError();
      }
      if (decision.kind === 'fail') {
        metrics?.jobs.inc({ queue: queueName, name: job.name, outcome: 'failed' });
        log().error(
          { reason: message, errorName: decision.error.name },
          'job failed for good: a retry cannot fix it',
        );
        throw decision.error instanceof UnrecoverableError
          ? decision.error
          : new UnrecoverableError(`${decision.error.name}: ${message}`);
      }
      const attempts = job.opts.attempts ?? 1;
      const last = job.attemptsMade + 1 >= attempts;
      metrics?.jobs.inc({ queue: queueName, name: job.name, outcome: last ? 'failed' : 'retry' });
      log()[last ? 'error' : 'warn'](
        {
          reason: message,
          errorName: decision.error.name,
          attempt: job.attemptsMade + 1,
          attempts,
        },
        last ? 'job failed after its last attempt' : 'job attempt failed: will retry',
      );
      throw decision.error;
    } finally {
      active.delete(jobId);
      metrics?.duration.observe(
        { queue: queueName, name: job.name },
        (performance.now() - started) / 1000,
      );
    }
  }

  const blocking = createWorkerConnection(options.redis);
  const worker = new Worker(queueName, process, {
    connection: blocking,
    prefix,
    concurrency: definition.concurrency ?? settings.concurrency,
    limiter: definition.limiter ?? UNBOUNDED_LIMITER,
    lockDuration: settings.lockMs,
    stalledInterval: settings.stalledIntervalMs,
    // A job whose worker died twice fails rather than looping forever.
    maxStalledCount: 2,
    skipVersionCheck: true,
    settings: {
      backoffStrategy: (attemptsMade: number, type?: string) =>
        type === CAMPUS_BACKOFF ? campusBackoff(attemptsMade) : 10_000,
    },
  });
  worker.on('error', (error) => logger.warn({ err: error.message }, 'worker error'));
  await worker.waitUntilReady();

  return {
    worker,
    queue,
    async close(graceMs = settings.shutdownGraceMs) {
      const closing = worker.close();
      const timedOut = await Promise.race([
        closing.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
      ]);
      if (timedOut) {
        logger.warn(
          { active: active.size },
          'grace period over: aborting active jobs; they will run again elsewhere',
        );
        abortReason = new Error('worker shutting down');
        for (const slot of active.values()) slot.controller?.abort(abortReason);
        await worker.close(true);
      }
      await Promise.all([queue.close(), quarantine.close()]);
      await closeConnection(producer);
      await closeConnection(blocking);
    },
  };
}
