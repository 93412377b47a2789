import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '@campus/config';
import {
  encodeQuarantinedBody,
  ingest,
  isSource,
  keptHeaders,
  type QuarantineJobData,
  type Source,
  type ValidationDetail,
} from '@campus/events';
import { createAccessLogger, type Logger } from '@campus/logger';
import type { MagicCodeStore } from '@campus/magic-code';
import { acceptEvent, quarantinePayload, type QueueSet, type StatsRecorder } from '@campus/queues';
import type { RedisClient } from '@campus/queues';
import { authenticate, type AuthContext } from './authenticate.js';
import {
  BodyTooLargeError,
  ClientAbortedError,
  decodeUtf8,
  isJsonContentType,
  readRawBody,
} from './body.js';
import { UnavailableError, withDeadline } from './deadline.js';
import { answerMagicCodeVerify } from './magic-code-verify.js';
import type { ReceiverMetrics } from './metrics.js';
import { answers, reply, RETRY_AFTER_SECONDS } from './reply.js';

export interface WebhookDeps {
  config: Config<'receiver' | 'queues' | 'magicCode'>;
  redis: RedisClient;
  queues: QueueSet;
  logger: Logger;
  metrics: ReceiverMetrics;
  auth: AuthContext;
  magicCodes: MagicCodeStore;
  stats: StatsRecorder;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * POST /webhooks/:source — limit size/type ▸ authenticate ▸ ingest (parse ▸
 * validate ▸ event key ▸ route, in @campus/events) ▸ add one job per target
 * queue ▸ answer. A 2xx goes out only after Redis acknowledged every add;
 * what was authenticated but cannot be processed is kept in the quarantine
 * queue.
 */
export function createWebhookHandler(deps: WebhookDeps) {
  const { config, logger, metrics } = deps;
  const enabled = new Set<string>(config.receiver.sources);
  const rememberSeconds = config.queues.eventKeyTtlDays * DAY_SECONDS;
  const deadline = config.receiver.enqueueTimeoutMs;
  const accessLog = createAccessLogger(logger);

  return async function handleWebhook(
    sourceParam: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId =
      (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id']) ||
      randomUUID();
    const source: Source | undefined =
      isSource(sourceParam) && enabled.has(sourceParam) ? sourceParam : undefined;
    let outcome = 'rejected';
    let eventKey: string | undefined;

    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      reply(res, status, body, headers);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      metrics.countRequest(source ?? 'unknown', status, outcome);
      if (source) deps.stats.count(source, outcome);
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      // The path segment is the sender's text: keep only what a source name can be.
      const sourceLabel = source ?? sourceParam.replace(/[^a-z0-9-]/gi, '').slice(0, 40);
      accessLog[level](
        { requestId, source: sourceLabel, status, outcome, eventKey, ms },
        'webhook',
      );
    };

    if (!source) return answer(404, answers.unknownSource);
    if (!isJsonContentType(req.headers['content-type']))
      return answer(415, answers.unsupportedMediaType);

    let raw: Buffer;
    try {
      raw = await readRawBody(req, config.receiver.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        return answer(413, answers.payloadTooLarge);
      }
      if (error instanceof ClientAbortedError) {
        logger.debug({ requestId, source }, 'client went away before its body was complete');
        return;
      }
      throw error;
    }

    // Only Fakturia may carry its token in the query string.
    const query =
      source === 'fakturia'
        ? new URL(req.url ?? '/', 'http://receiver').searchParams
        : new URLSearchParams();
    const auth = await authenticate(source, req.headers, query, raw, deps.auth);
    if (auth === 'unavailable') {
      return answer(503, answers.unavailable, { 'retry-after': RETRY_AFTER_SECONDS });
    }
    if (auth !== 'ok') return answer(401, answers.unauthorized);

    const receivedAt = new Date(deps.auth.now()).toISOString();
    const headers = keptHeaders(req.headers);
    const quarantine = async (
      reason: QuarantineJobData['reason'],
      details: ValidationDetail[],
      rawBody: string,
    ) => {
      outcome = 'quarantined';
      await withDeadline(
        quarantinePayload(deps.queues, { source, rawBody, receivedAt, headers, reason, details }),
        deadline,
      );
    };

    try {
      const text = decodeUtf8(raw);
      if (text === undefined) {
        const message = 'The body is not valid UTF-8.';
        await quarantine('invalid_json', [{ path: '/', message }], encodeQuarantinedBody(raw));
        return answer(400, { error: 'invalid_json', message });
      }
      const ingested = ingest(source, text, { receivedAt, headers });
      if (ingested.outcome === 'invalid_json') {
        await quarantine('invalid_json', ingested.details, text);
        return answer(400, { error: 'invalid_json', message: ingested.message });
      }
      if (ingested.outcome === 'invalid_payload') {
        await quarantine('invalid_payload', ingested.details, text);
        return answer(422, { error: 'invalid_payload', details: ingested.details });
      }
      if (ingested.outcome === 'synchronous') {
        eventKey = ingested.event.eventKey;
        const verdict = await answerMagicCodeVerify(deps.magicCodes, ingested.event, deadline);
        outcome = verdict.outcome;
        return answer(verdict.status, verdict.body, verdict.headers);
      }
      eventKey = ingested.eventKey;
      const enqueueStarted = process.hrtime.bigint();
      const result = await withDeadline(
        acceptEvent(deps.redis, deps.queues, ingested.job, ingested.queues, rememberSeconds, {
          replicas: {
            count: config.receiver.minReplicaAcks,
            timeoutMs: config.receiver.replicaAckTimeoutMs,
          },
        }),
        deadline,
      );
      metrics.enqueueSeconds.observe(
        { source },
        Number(process.hrtime.bigint() - enqueueStarted) / 1e9,
      );
      outcome = result.status;
      if (result.status === 'duplicate')
        return answer(200, { status: 'duplicate', eventKey: result.eventKey });
      outcome = result.requeued.length > 0 ? 'requeued' : 'accepted';
      return answer(202, {
        status: 'accepted',
        eventKey: result.eventKey,
        queues: result.queues,
        ...(result.requeued.length > 0 ? { requeued: result.requeued } : {}),
      });
    } catch (error) {
      if (error instanceof UnavailableError) {
        outcome = 'unavailable';
        logger.error({ requestId, err: error.cause ?? error }, 'Redis unavailable');
        return answer(503, answers.unavailable, { 'retry-after': RETRY_AFTER_SECONDS });
      }
      throw error;
    }
  };
}
