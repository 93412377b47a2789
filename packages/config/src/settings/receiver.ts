import { SOURCES } from '@campus/sources';
import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

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
    description: 'Address the receiver listens on.',
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
    sandboxDefault: SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN,
    description:
      'Shared token in the webhook URL configured at Fakturia (`/webhooks/fakturia?token=…`), the one place Fakturia can send it.',
  },
  plenigoSecret: {
    env: 'PLENIGO_WEBHOOK_SECRET',
    type: 'string',
    secret: true,
    requiredFor: 'plenigo',
    sandboxDefault: SANDBOX_SECRETS.PLENIGO_WEBHOOK_SECRET,
    description: 'Secret of the plenigo callback, for the `plenigo-signature` HMAC.',
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
    default: 'https://*.paypal.com/',
    sandboxDefault: 'https://*.paypal.com/,http://127.0.0.1:4010/paypal/certs/',
    description:
      'URL prefixes a PAYPAL-CERT-URL may start with (`*` matches one host label or more); production accepts https only.',
  },
  campusSecret: {
    env: 'CAMPUS_WEBHOOK_SECRET',
    type: 'string',
    secret: true,
    pattern: '^whsec_[A-Za-z0-9+/=]+$',
    requiredFor: 'campus',
    sandboxDefault: SANDBOX_SECRETS.CAMPUS_WEBHOOK_SECRET,
    description: 'Standard Webhooks secret (`whsec_…`) the website signs with.',
  },
} as const satisfies GroupSpec;
