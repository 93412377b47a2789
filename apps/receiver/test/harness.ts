import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { loadConfig } from '@campus/config';
import { createLogger } from '@campus/logger';
import {
  createProducerConnection,
  createQueueSet,
  waitUntilReady,
  type QueueSet,
} from '@campus/queues';
import { senderHeaders, senderQuery, type SenderCredentials } from '@campus/webhook-auth';
import type { TestRedis } from '@campus/testing';
import { createReceiver } from '../src/app.js';
import type { PaypalClient } from '@campus/clients';
import { generateTestCa, issueCertificate } from '@campus/sandbox';
import { createCertificateSource } from '../src/paypal-certificates.js';
import { createPaypalAuthMetrics } from '../src/paypal-metrics.js';
import { paypalTrustedRoots } from '../src/paypal-setup.js';
import { createTransmissionStore } from '../src/paypal-transmissions.js';
import {
  createApiSignatureCheck,
  createCertSignatureCheck,
  createPaypalVerifier,
} from '../src/paypal-verifier.js';
import { closeServer } from '../src/server.js';

/**
 * A certificate server standing in for PayPal's cert host: a CA of the test's
 * own (the receiver trusts it as PAYPAL_CERT_TEST_CA would) and PayPal's signing
 * certificate issued by it, whose key the test holds. `serve` puts any other
 * text at a path, for the attacks.
 */
export async function startCertServer() {
  const ca = await generateTestCa('receiver test CA');
  const signing = await issueCertificate({ ca, commonName: 'messageverificationcerts.paypal.com' });
  const files = new Map<string, string>([
    ['/v1/notifications/certs/CERT-test', signing.certificatePem],
  ]);
  let downloads = 0;
  const server = createServer((req, res) => {
    downloads++;
    const file = files.get(req.url ?? '');
    if (file !== undefined) {
      res.writeHead(200, { 'content-type': 'application/x-pem-file' });
      res.end(file);
    } else {
      res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/notifications/certs/`;
  return {
    base,
    ca,
    certUrl: `${base}CERT-test`,
    privateKeyPem: signing.privateKeyPem,
    downloads: () => downloads,
    /** Serves `text` at `${base}${name}` and answers its URL. */
    serve(name: string, text: string): string {
      files.set(`/v1/notifications/certs/${name}`, text);
      return `${base}${name}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceiverUnderTest {
  url: string;
  prefix: string;
  queues: QueueSet;
  /** A separate client for the test's own reads. */
  inspect: Redis;
  credentials: SenderCredentials;
  /** The receiver's clock; tests may move it. */
  clock: { now: number };
  /** The receiver's Prometheus text. */
  metrics(): Promise<string>;
  post(
    source: string,
    body: string,
    options?: {
      headers?: Record<string, string>;
      sign?: boolean;
      webhookId?: string;
      query?: string;
    },
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
  close(): Promise<void>;
}

export async function startReceiver(
  redis: TestRedis,
  env: Record<string, string> = {},
  certServer?: Awaited<ReturnType<typeof startCertServer>>,
  options: {
    /** PayPal's verify-webhook-signature API instead of the certificate (`api` mode). */
    paypalClient?: PaypalClient;
  } = {},
): Promise<ReceiverUnderTest> {
  const prefix = `t${Math.random().toString(36).slice(2, 8)}`;
  const config = loadConfig(['receiver', 'queues', 'magicCode', 'certificatePage'], {
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    PAYPAL_WEBHOOK_ID: 'WH-TEST-1',
    ...(certServer ? { PAYPAL_CERT_URL_ALLOW: certServer.base } : {}),
    ENQUEUE_TIMEOUT_MS: '1000',
    ...env,
  });
  const logger = createLogger({ name: 'receiver-test', level: 'silent' });
  const connection = createProducerConnection(redis.url);
  connection.on('error', () => {});
  await waitUntilReady(connection, 5_000);
  const queues = createQueueSet(connection, prefix, config.queues);
  for (const q of queues.all()) q.on('error', () => {});
  const clock = { now: Date.now() };
  const now = () => clock.now;
  const check = options.paypalClient
    ? createApiSignatureCheck({ webhookId: 'WH-TEST-1', client: options.paypalClient })
    : createCertSignatureCheck({
        webhookId: 'WH-TEST-1',
        certificates: createCertificateSource({
          roots: paypalTrustedRoots(certServer?.ca.cert),
          now,
        }),
        now,
      });
  const paypal = createPaypalVerifier({
    allowedCertUrls: config.receiver.paypalCertUrlAllow,
    windowSeconds: config.receiver.paypalWindowSeconds,
    transmissions: createTransmissionStore(
      connection,
      config.core.queuePrefix,
      2 * config.receiver.paypalWindowSeconds,
    ),
    check,
    metrics: createPaypalAuthMetrics(),
    logger,
    now,
  });
  const { handler, stats, metrics } = createReceiver({
    config,
    redis: connection,
    queues,
    logger,
    paypal,
    now: () => clock.now,
  });
  const server: Server = createServer(handler).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const inspect = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  inspect.on('error', () => {});
  const credentials: SenderCredentials = {
    fakturiaToken: config.receiver.fakturiaToken,
    plenigoSecret: config.receiver.plenigoSecrets?.[0],
    campusSecret: config.receiver.campusSecret,
    paypal: certServer && {
      webhookId: 'WH-TEST-1',
      privateKeyPem: certServer.privateKeyPem,
      certUrl: certServer.certUrl,
    },
  };

  return {
    url,
    prefix,
    queues,
    inspect,
    credentials,
    clock,
    metrics: () => metrics.registry.metrics(),
    async post(source, body, options = {}) {
      const signed =
        options.sign === false
          ? { 'content-type': 'application/json' }
          : senderHeaders(source as 'fakturia', body, credentials, {
              nowMs: clock.now,
              webhookId: options.webhookId,
            });
      // Fakturia's token is in the URL: a signed post carries it unless the test names its own query.
      const query =
        options.query ??
        (options.sign === false ? '' : senderQuery(source as 'fakturia', credentials));
      const response = await fetch(`${url}/webhooks/${source}${query}`, {
        method: 'POST',
        headers: { ...signed, ...options.headers },
        body,
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        headers: response.headers,
      };
    },
    async close() {
      await closeServer(server, logger, 1_000);
      await stats.close();
      await queues.close();
      connection.disconnect();
      inspect.disconnect();
    },
  };
}

/** Jobs of every state in one queue. */
export async function jobsIn(receiver: ReceiverUnderTest, queue: string) {
  const q =
    queue === 'quarantine'
      ? receiver.queues.quarantine
      : receiver.queues.domain[queue as 'dunning-mail'];
  return q.getJobs([
    'waiting',
    'active',
    'delayed',
    'failed',
    'completed',
    'prioritized',
    'paused',
  ]);
}

/** Total jobs across all queues: for "nothing stored" assertions. */
export async function totalJobs(receiver: ReceiverUnderTest): Promise<number> {
  const counts = await Promise.all(
    receiver.queues
      .all()
      .map((q) => q.getJobCountByTypes('waiting', 'delayed', 'failed', 'completed', 'active')),
  );
  return counts.reduce((a, b) => a + b, 0);
}
