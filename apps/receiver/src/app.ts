import type { RequestListener } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from '@campus/config';
import type { Logger } from '@campus/logger';
import {
  createStatsRecorder,
  probeQueues,
  type QueueSet,
  type RedisClient,
  type StatsRecorder,
} from '@campus/queues';
import { createCertificateRegistry } from '@campus/certificate-registry';
import { createCertificatePage } from './certificate-page.js';
import { withDeadline } from './deadline.js';
import { createWebhookHandler } from './handle-webhook.js';
import { createReceiverMetrics, type ReceiverMetrics } from './metrics.js';
import type { PaypalVerifier } from './paypal-verifier.js';
import { reply } from './reply.js';

/** `/webhooks/<source>` with an optional trailing slash and query string. */
const WEBHOOK_PATH = /^\/webhooks\/([a-z0-9-]{0,40})\/?(?:\?|$)/;
const WEBHOOK_PREFIX = /^\/webhooks\//;

export interface ReceiverDeps {
  config: Config<'receiver' | 'queues' | 'magicCode' | 'certificatePage'>;
  redis: RedisClient;
  queues: QueueSet;
  logger: Logger;
  /** Absent while PayPal is not an enabled source. */
  paypal: PaypalVerifier | undefined;
  /** Milliseconds since the epoch; tests pass their own clock. */
  now?: () => number;
}

/** The receiver's request handler: webhooks, health and readiness. It does no business work. */
export function createReceiver(deps: ReceiverDeps): {
  /** The server's request handler: webhooks straight to their handler, the rest to Express. */
  handler: RequestListener;
  metrics: ReceiverMetrics;
  stats: StatsRecorder;
} {
  const { config, redis, logger } = deps;
  const now = deps.now ?? Date.now;
  const metrics = createReceiverMetrics(deps.queues);
  deps.paypal?.metrics.register(metrics.registry);
  const stats = createStatsRecorder(redis, config.core.queuePrefix);
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  const handleWebhook = createWebhookHandler({
    config,
    redis,
    queues: deps.queues,
    logger,
    metrics,
    auth: { config: config.receiver, paypal: deps.paypal, now },
    magicCodes: { redis, prefix: config.core.queuePrefix, secret: config.magicCode.secret },
    stats,
  });

  // Webhooks do not go through Express at all: its per-request setup
  // (prototype swaps, router state, layer matching) costs more than a
  // webhook's own work, and they need none of it. Express serves the rest.
  const handler: RequestListener = (req, res) => {
    const url = req.url ?? '/';
    if (!WEBHOOK_PREFIX.test(url)) {
      app(req, res);
      return;
    }
    const match = WEBHOOK_PATH.exec(url);
    if (!match) return reply(res, 404, { error: 'unknown_source' });
    if (req.method !== 'POST') {
      const body = { error: 'method_not_allowed', message: 'Webhooks are sent with POST.' };
      return reply(res, 405, body, { allow: 'POST' });
    }
    handleWebhook(match[1] ?? '', req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'unexpected error');
      if (!res.headersSent) reply(res, 500, { error: 'internal_error' });
    });
  };

  app.get('/healthz', (_req, res) => reply(res, 200, { status: 'ok' }));
  // Ready only when an enqueue would succeed: a write into every queue's slot
  // (a MOVED, READONLY, OOM or CLUSTERDOWN answer, or none, is not ready).
  app.get('/readyz', async (_req, res) => {
    const readiness = await withDeadline(
      probeQueues(redis, deps.queues.all(), config.core.queuePrefix),
      1_000,
    ).catch(() => ({ ready: false as const, reason: 'timeout' }));
    if (readiness.ready) return reply(res, 200, { status: 'ready' });
    reply(
      res,
      503,
      { status: 'redis_unavailable', reason: readiness.reason },
      { 'retry-after': '5' },
    );
  });
  // /metrics is not served here: it has its own listener (metrics-server.ts).

  // The public face: a certificate's confirmation (certificate-page.ts), limited per client address.
  const proxies = config.certificatePage.trustedProxies;
  app.set('trust proxy', proxies.length > 0 ? [...proxies] : false);
  app.get(
    '/zertifikate/:nummer',
    createCertificatePage({
      registry: createCertificateRegistry(redis, config.core.queuePrefix),
      redis,
      prefix: config.core.queuePrefix,
      lookupsPerMinute: config.certificatePage.lookupsPerMinute,
      deadlineMs: config.receiver.enqueueTimeoutMs,
      logger,
      now,
    }),
  );

  app.use((_req, res) => reply(res, 404, { error: 'not_found' }));
  app.use((error: Error, req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error, path: req.path }, 'unexpected error');
    if (!res.headersSent) reply(res, 500, { error: 'internal_error' });
  });
  return { handler, metrics, stats };
}
