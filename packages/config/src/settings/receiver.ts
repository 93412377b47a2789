import { SOURCES } from '@campus/sources';
import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

/** Where PayPal serves its webhook certificates (live and sandbox, with and without `-m`). */
export const PAYPAL_CERT_PREFIXES = [
  'https://api.paypal.com/v1/notifications/certs/',
  'https://api-m.paypal.com/v1/notifications/certs/',
  'https://api.sandbox.paypal.com/v1/notifications/certs/',
  'https://api-m.sandbox.paypal.com/v1/notifications/certs/',
] as const;

export const receiver = {
  port: {
    env: 'RECEIVER_PORT',
    type: 'integer',
    minimum: 0,
    default: '3000',
    description: 'Port of the webhook receiver (0 picks a free one).',
  },
  host: {
    env: 'RECEIVER_HOST',
    type: 'string',
    default: '0.0.0.0',
    sandboxDefault: '127.0.0.1',
    description:
      'Address the receiver listens on: loopback in sandbox mode (set it to open the receiver deliberately), every interface in production (containers).',
  },
  metricsPort: {
    env: 'RECEIVER_METRICS_PORT',
    type: 'integer',
    minimum: 0,
    default: '0',
    description:
      "Port of the receiver's own /metrics listener, apart from the webhooks (0: none, e.g. when several processes share a host).",
  },
  metricsHost: {
    env: 'RECEIVER_METRICS_HOST',
    type: 'string',
    default: '127.0.0.1',
    description:
      'Address the /metrics listener binds to: loopback unless a scraper on another host must reach it.',
  },
  headersTimeoutMs: {
    env: 'RECEIVER_HEADERS_TIMEOUT_MS',
    type: 'integer',
    minimum: 100,
    default: '5000',
    description:
      "How long a client may take to send a request's headers before the connection is closed (408).",
  },
  requestTimeoutMs: {
    env: 'RECEIVER_REQUEST_TIMEOUT_MS',
    type: 'integer',
    minimum: 100,
    default: '10000',
    description:
      'How long a client may take to send a whole request, body included, before the connection is closed (408).',
  },
  maxConnections: {
    env: 'RECEIVER_MAX_CONNECTIONS',
    type: 'integer',
    minimum: 1,
    default: '1000',
    description:
      'Open connections one receiver process accepts at once; further ones are closed at once.',
  },
  maxBodyBytes: {
    env: 'MAX_BODY_BYTES',
    type: 'integer',
    minimum: 1,
    default: '1048576',
    description: 'Largest webhook body accepted; larger ones get 413.',
  },
  enqueueTimeoutMs: {
    env: 'ENQUEUE_TIMEOUT_MS',
    type: 'integer',
    minimum: 1,
    default: '2000',
    description: 'How long the receiver waits for Redis before answering 503.',
  },
  minReplicaAcks: {
    env: 'REDIS_MIN_REPLICA_ACKS',
    type: 'integer',
    minimum: 0,
    default: '0',
    description:
      "Replicas that must confirm a webhook's jobs (`WAIT` on each queue's master) before the receiver answers 2xx; otherwise 503 and the sender retries. 0: the master's acknowledgement is enough, and a failover can lose what it had not yet replicated (docs/operations.md#redis-cluster).",
  },
  replicaAckTimeoutMs: {
    env: 'REDIS_REPLICA_ACK_TIMEOUT_MS',
    type: 'integer',
    minimum: 1,
    default: '500',
    description:
      'How long the receiver waits for `REDIS_MIN_REPLICA_ACKS` replicas (within `ENQUEUE_TIMEOUT_MS`).',
  },
  sources: {
    env: 'RECEIVER_SOURCES',
    type: 'list',
    enum: SOURCES,
    default: SOURCES.join(','),
    description: 'Senders the receiver accepts; a source left out answers 404 and needs no secret.',
  },
  fakturiaToken: {
    env: 'FAKTURIA_WEBHOOK_TOKEN',
    type: 'string',
    secret: true,
    requiredFor: 'fakturia',
    minBytes: 32,
    sandboxDefault: SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN,
    description:
      'Shared token in the webhook URL configured at Fakturia (`/webhooks/fakturia?token=…`), the one place Fakturia can send it.',
  },
  plenigoSecrets: {
    env: 'PLENIGO_WEBHOOK_SECRETS',
    alsoFrom: 'PLENIGO_WEBHOOK_SECRET',
    type: 'list',
    secret: true,
    requiredFor: 'plenigo',
    minBytes: 32,
    sandboxDefault: SANDBOX_SECRETS.PLENIGO_WEBHOOK_SECRET,
    description:
      'The secrets of the plenigo callbacks, comma-separated: plenigo makes one per callback, and a `plenigo-signature` made with any of them is accepted. The older `PLENIGO_WEBHOOK_SECRET` counts as one more entry.',
  },
  plenigoToleranceSeconds: {
    env: 'PLENIGO_SIGNATURE_MAX_AGE_SECONDS',
    type: 'integer',
    minimum: 300,
    default: '115200',
    description:
      'How old a `plenigo-signature` timestamp may be. plenigo retries a failed callback after 1 h, 6 h and 24 h and does not document that a retry is signed afresh, so the default (32 h) covers the whole schedule; a replay inside it is only a duplicate of an event key (kept `EVENT_KEY_TTL_DAYS`). Timestamps more than 5 minutes ahead are refused. See docs/upstreams/plenigo.md.',
  },
  plenigoBasicAuth: {
    env: 'PLENIGO_BASIC_AUTH',
    type: 'string',
    secret: true,
    pattern: '^[^:]+:.+$',
    description: 'Optional `user:password` plenigo may send as Basic auth instead of a signature.',
  },
  paypalWebhookId: {
    env: 'PAYPAL_WEBHOOK_ID',
    type: 'string',
    requiredFor: 'paypal',
    sandboxDefault: SANDBOX_SECRETS.PAYPAL_WEBHOOK_ID,
    description: 'Id of the webhook in the PayPal app; part of the signed string.',
  },
  paypalVerifyMode: {
    env: 'PAYPAL_VERIFY_MODE',
    type: 'string',
    enum: ['cert', 'api'],
    default: 'cert',
    description:
      "`cert` checks the transmission signature locally with the certificate PayPal names; `api` asks PayPal's verify-webhook-signature API.",
  },
  paypalCertUrlAllow: {
    env: 'PAYPAL_CERT_URL_ALLOW',
    type: 'list',
    default: PAYPAL_CERT_PREFIXES.join(','),
    sandboxDefault: `${PAYPAL_CERT_PREFIXES.join(',')},http://127.0.0.1:4010/paypal/certs/`,
    description:
      "URL prefixes a PAYPAL-CERT-URL may start with: PayPal's four API hosts under `/v1/notifications/certs/`. Production accepts only those (https, no wildcard); tests and the sandbox add their stand-in.",
  },
  paypalCertTestCa: {
    env: 'PAYPAL_CERT_TEST_CA',
    type: 'string',
    sandboxDefault: SANDBOX_SECRETS.PAYPAL_CERT_TEST_CA,
    sandboxDefaultShown: 'the sandbox CA (`SANDBOX_SECRETS.PAYPAL_CERT_TEST_CA`)',
    pattern: '^-----BEGIN CERTIFICATE-----',
    description:
      "PEM of one more root a PayPal certificate may chain to, besides Node's public roots: for tests and the sandbox only; production refuses it.",
  },
  paypalWindowSeconds: {
    env: 'PAYPAL_TRANSMISSION_WINDOW_SECONDS',
    type: 'integer',
    minimum: 1,
    default: '300',
    description:
      'How far PAYPAL-TRANSMISSION-TIME may be from our clock (PayPal signs every redelivery afresh); a transmission id is remembered in Redis for twice as long.',
  },
  campusSecret: {
    env: 'CAMPUS_WEBHOOK_SECRET',
    type: 'string',
    secret: true,
    pattern: '^whsec_[A-Za-z0-9+/=]+$',
    kind: 'whsec',
    minBytes: 24,
    requiredFor: 'campus',
    sandboxDefault: SANDBOX_SECRETS.CAMPUS_WEBHOOK_SECRET,
    description: 'Standard Webhooks secret (`whsec_…`) the website signs with.',
  },
} as const satisfies GroupSpec;
