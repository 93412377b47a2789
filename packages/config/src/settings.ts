import { SOURCES } from '@campus/sources';

/**
 * Every environment variable the system reads, as data: the validator, the
 * typed config object and the README's configuration reference are all made
 * from this one table, so they cannot drift apart.
 */
export type SettingGroup =
  | 'core'
  | 'receiver'
  | 'paypal'
  | 'magicCode'
  | 'queues'
  | 'mail'
  | 'sandbox'
  | 'worker'
  | 'lexoffice'
  | 'prosonata'
  | 'offers'
  | 'catalog'
  | 'dashboard'
  | 'website';

export interface Setting {
  env: string;
  group: SettingGroup;
  /** Property name in the group's config object. */
  key: string;
  type: 'string' | 'integer' | 'list' | 'json';
  /** For `json` settings: the JSON Schema the parsed value must match. */
  schema?: object;
  description: string;
  default?: string;
  /** Used in sandbox mode when the variable is unset; production must set it. */
  sandboxDefault?: string;
  /** Must be set in production mode (for the groups an app asks for). */
  requiredInProduction?: boolean;
  /** Never printed, never logged. */
  secret?: boolean;
  enum?: readonly string[];
  pattern?: string;
  format?: 'uri';
  minimum?: number;
}

/** Well-known development secrets: sandbox mode only, printed by `npm start`. */
export const SANDBOX_SECRETS = {
  FAKTURIA_WEBHOOK_TOKEN: 'dev-fakturia-token',
  PLENIGO_WEBHOOK_SECRET: 'dev-plenigo-secret',
  PAYPAL_WEBHOOK_ID: 'WH-SANDBOX-0000000000',
  CAMPUS_WEBHOOK_SECRET: 'whsec_ZGV2LWNhbXB1cy13ZWJob29rLXNlY3JldC0wMQ==',
  PAYPAL_CLIENT_ID: 'sandbox-client-id',
  PAYPAL_CLIENT_SECRET: 'sandbox-client-secret',
  MAGIC_CODE_SECRET: 'dev-magic-code-secret',
  DASHBOARD_USER: 'operator',
  DASHBOARD_PASSWORD: 'sandbox-dashboard',
} as const;

export const SETTINGS: readonly Setting[] = [
  {
    env: 'CAMPUS_MODE',
    group: 'core',
    key: 'mode',
    type: 'string',
    enum: ['sandbox', 'production'],
    default: 'sandbox',
    description:
      '`sandbox` points every upstream at apps/sandbox and fills unset secrets with development values; `production` refuses to start while one is missing.',
  },
  {
    env: 'REDIS_URL',
    group: 'core',
    key: 'redisUrl',
    type: 'string',
    pattern: '^rediss?://',
    default: 'redis://127.0.0.1:6379',
    description: 'Redis holding every queue (`redis://` or `rediss://`).',
  },
  {
    env: 'QUEUE_PREFIX',
    group: 'core',
    key: 'queuePrefix',
    type: 'string',
    pattern: '^[A-Za-z0-9_{}-]+$',
    default: 'campus',
    description: 'Prefix of every Redis key the queues use.',
  },
  {
    env: 'LOG_LEVEL',
    group: 'core',
    key: 'logLevel',
    type: 'string',
    enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    description: 'pino log level.',
  },
  {
    env: 'RECEIVER_PORT',
    group: 'receiver',
    key: 'port',
    type: 'integer',
    minimum: 0,
    default: '3000',
    description: 'Port of the webhook receiver (0 picks a free one).',
  },
  {
    env: 'RECEIVER_HOST',
    group: 'receiver',
    key: 'host',
    type: 'string',
    default: '0.0.0.0',
    description: 'Address the receiver listens on.',
  },
  {
    env: 'MAX_BODY_BYTES',
    group: 'receiver',
    key: 'maxBodyBytes',
    type: 'integer',
    minimum: 1,
    default: '1048576',
    description: 'Largest webhook body accepted; larger ones get 413.',
  },
  {
    env: 'ENQUEUE_TIMEOUT_MS',
    group: 'receiver',
    key: 'enqueueTimeoutMs',
    type: 'integer',
    minimum: 1,
    default: '2000',
    description: 'How long the receiver waits for Redis before answering 503.',
  },
  {
    env: 'RECEIVER_SOURCES',
    group: 'receiver',
    key: 'sources',
    type: 'list',
    pattern: `^((${SOURCES.join('|')})(,|$))*$`,
    default: SOURCES.join(','),
    description: 'Senders the receiver accepts; a source left out answers 404 and needs no secret.',
  },
  {
    env: 'FAKTURIA_WEBHOOK_TOKEN',
    group: 'receiver',
    key: 'fakturiaToken',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN,
    description:
      'Shared token Fakturia sends (Bearer, `X-Webhook-Token`, `?token=` or the Basic-auth password).',
  },
  {
    env: 'PLENIGO_WEBHOOK_SECRET',
    group: 'receiver',
    key: 'plenigoSecret',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.PLENIGO_WEBHOOK_SECRET,
    description: 'Secret of the plenigo callback, for the `plenigo-signature` HMAC.',
  },
  {
    env: 'PLENIGO_BASIC_AUTH',
    group: 'receiver',
    key: 'plenigoBasicAuth',
    type: 'string',
    secret: true,
    pattern: '^[^:]+:.+$',
    description: 'Optional `user:password` plenigo may send as Basic auth instead of a signature.',
  },
  {
    env: 'PAYPAL_WEBHOOK_ID',
    group: 'receiver',
    key: 'paypalWebhookId',
    type: 'string',
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.PAYPAL_WEBHOOK_ID,
    description: 'Id of the webhook in the PayPal app; part of the signed string.',
  },
  {
    env: 'PAYPAL_VERIFY_MODE',
    group: 'receiver',
    key: 'paypalVerifyMode',
    type: 'string',
    enum: ['cert', 'api'],
    default: 'cert',
    description:
      "`cert` checks the transmission signature locally with the certificate PayPal names; `api` asks PayPal's verify-webhook-signature API.",
  },
  {
    env: 'PAYPAL_CERT_URL_ALLOW',
    group: 'receiver',
    key: 'paypalCertUrlAllow',
    type: 'list',
    default: 'https://*.paypal.com/',
    sandboxDefault: 'https://*.paypal.com/,http://127.0.0.1:4010/paypal/certs/',
    description:
      'URL prefixes a PAYPAL-CERT-URL may start with (`*` matches one host label or more); production accepts https only.',
  },
  {
    env: 'CAMPUS_WEBHOOK_SECRET',
    group: 'receiver',
    key: 'campusSecret',
    type: 'string',
    secret: true,
    pattern: '^whsec_[A-Za-z0-9+/=]+$',
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.CAMPUS_WEBHOOK_SECRET,
    description: 'Standard Webhooks secret (`whsec_…`) the website signs with.',
  },
  {
    env: 'PAYPAL_API_URL',
    group: 'paypal',
    key: 'apiUrl',
    type: 'string',
    format: 'uri',
    requiredInProduction: true,
    sandboxDefault: 'http://127.0.0.1:4010/paypal',
    description: 'PayPal REST base URL (`https://api-m.paypal.com` live).',
  },
  {
    env: 'PAYPAL_CLIENT_ID',
    group: 'paypal',
    key: 'clientId',
    type: 'string',
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.PAYPAL_CLIENT_ID,
    description: 'PayPal app client id (OAuth2 client credentials).',
  },
  {
    env: 'PAYPAL_CLIENT_SECRET',
    group: 'paypal',
    key: 'clientSecret',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.PAYPAL_CLIENT_SECRET,
    description: 'PayPal app secret.',
  },
  {
    env: 'MAGIC_CODE_SECRET',
    group: 'magicCode',
    key: 'secret',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.MAGIC_CODE_SECRET,
    description:
      'Key the login codes are hashed with (HMAC) in Redis; the receiver and the login-mail worker need the same.',
  },
  {
    env: 'EVENT_KEY_TTL_DAYS',
    group: 'queues',
    key: 'eventKeyTtlDays',
    type: 'integer',
    minimum: 3,
    default: '7',
    description:
      "How long an event key is remembered for de-duplication (at least PayPal's 3-day retry window, at most the completed-job retention).",
  },
  {
    env: 'KEEP_COMPLETED_DAYS',
    group: 'queues',
    key: 'keepCompletedDays',
    type: 'integer',
    minimum: 1,
    default: '7',
    description: 'Completed jobs are kept this long.',
  },
  {
    env: 'KEEP_FAILED_DAYS',
    group: 'queues',
    key: 'keepFailedDays',
    type: 'integer',
    minimum: 1,
    default: '30',
    description: 'Failed jobs are kept this long, for inspection and retry.',
  },
  {
    env: 'SMTP_URL',
    group: 'mail',
    key: 'smtpUrl',
    type: 'string',
    pattern: '^smtps?://',
    requiredInProduction: true,
    sandboxDefault: 'smtp://127.0.0.1:2525',
    description:
      'SMTP server the mail workers send through (`smtp://user:pass@host:587`, `smtps://` for TLS). Unset in sandbox mode with MAIL_OUTBOX_DIR set: mails are written as .eml files instead.',
  },
  {
    env: 'MAIL_FROM',
    group: 'mail',
    key: 'from',
    type: 'string',
    default: 'Campus <no-reply@campus.example>',
    description: 'Sender of every mail.',
  },
  {
    env: 'MAIL_OUTBOX_DIR',
    group: 'mail',
    key: 'outboxDir',
    type: 'string',
    description:
      'Development only: write each mail as an .eml file into this folder instead of sending it.',
  },
  {
    env: 'SANDBOX_HOST',
    group: 'sandbox',
    key: 'host',
    type: 'string',
    default: '127.0.0.1',
    description: 'Address the sandbox stand-ins listen on.',
  },
  {
    env: 'SANDBOX_PORT',
    group: 'sandbox',
    key: 'port',
    type: 'integer',
    minimum: 0,
    default: '4010',
    description:
      'HTTP port of the sandbox (Lexoffice, ProSonata, PayPal stand-ins and the mail page).',
  },
  {
    env: 'SANDBOX_SMTP_PORT',
    group: 'sandbox',
    key: 'smtpPort',
    type: 'integer',
    minimum: 0,
    default: '2525',
    description: 'Port of the sandbox SMTP sink.',
  },
  {
    env: 'WORKER_CONCURRENCY',
    group: 'worker',
    key: 'concurrency',
    type: 'integer',
    minimum: 1,
    default: '5',
    description: 'Jobs one worker process works on at once (per-domain limits still apply).',
  },
  {
    env: 'WORKER_LOCK_MS',
    group: 'worker',
    key: 'lockMs',
    type: 'integer',
    minimum: 1000,
    default: '30000',
    description:
      "How long a job stays locked to its worker without a renewal; a killed worker's job is taken over after about this long.",
  },
  {
    env: 'WORKER_STALLED_INTERVAL_MS',
    group: 'worker',
    key: 'stalledIntervalMs',
    type: 'integer',
    minimum: 500,
    default: '30000',
    description: 'How often workers look for jobs whose worker died.',
  },
  {
    env: 'WORKER_SHUTDOWN_GRACE_MS',
    group: 'worker',
    key: 'shutdownGraceMs',
    type: 'integer',
    minimum: 0,
    default: '30000',
    description:
      'On SIGTERM, how long active jobs may run to completion before they are aborted and left for another worker.',
  },
  {
    env: 'WORKER_METRICS_PORT',
    group: 'worker',
    key: 'metricsPort',
    type: 'integer',
    minimum: 0,
    default: '0',
    description:
      "Port of the worker's /metrics and /healthz (0: none, e.g. when several processes share a host).",
  },
  {
    env: 'LEXOFFICE_API_URL',
    group: 'lexoffice',
    key: 'apiUrl',
    type: 'string',
    format: 'uri',
    default: 'https://api.lexoffice.io',
    sandboxDefault: 'http://127.0.0.1:4010/lexoffice',
    description: 'Lexware Office (lexoffice) API base URL.',
  },
  {
    env: 'LEXOFFICE_API_KEY',
    group: 'lexoffice',
    key: 'apiKey',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: 'sandbox-lexoffice-key',
    description: 'Lexoffice API key (Bearer).',
  },
  {
    env: 'LEXOFFICE_REQUESTS_PER_SECOND',
    group: 'lexoffice',
    key: 'requestsPerSecond',
    type: 'integer',
    minimum: 1,
    default: '2',
    description: 'Lexoffice calls per second for the whole account, across every worker process.',
  },
  {
    env: 'PROSONATA_API_URL',
    group: 'prosonata',
    key: 'apiUrl',
    type: 'string',
    format: 'uri',
    requiredInProduction: true,
    sandboxDefault: 'http://127.0.0.1:4010/prosonata',
    description:
      'ProSonata base URL (`https://<firma>.prosonata.software`); `/api/v1/…` is appended.',
  },
  {
    env: 'PROSONATA_API_KEY',
    group: 'prosonata',
    key: 'apiKey',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: 'sandbox-prosonata-key',
    description: 'ProSonata API key (`X-API-Key`).',
  },
  {
    env: 'PROSONATA_CUSTOMER_ID',
    group: 'prosonata',
    key: 'customerId',
    type: 'integer',
    minimum: 1,
    default: '1',
    description: 'ProSonata customer group (customerID) new addresses are filed under.',
  },
  {
    env: 'CAMPUS_BASE_URL',
    group: 'website',
    key: 'baseUrl',
    type: 'string',
    format: 'uri',
    requiredInProduction: true,
    sandboxDefault: 'http://127.0.0.1:4010/campus',
    description: 'Public URL of the Campus website; offer PDF and acceptance links point there.',
  },
  {
    env: 'OFFER_LINK_SECRET',
    group: 'offers',
    key: 'linkSecret',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: 'dev-offer-link-secret',
    description:
      'Key that signs the tokens in offer PDF and acceptance links (the website checks them).',
  },
  {
    env: 'OFFER_FOLLOW_UP_DELAYS',
    group: 'offers',
    key: 'followUpDelays',
    type: 'list',
    pattern: '^\\d+(ms|s|m|h|d)(,\\d+(ms|s|m|h|d))*$',
    default: '3d,7d,14d',
    description:
      'When the three follow-up mails go out after an offer (durations: `ms`, `s`, `m`, `h`, `d`), unless it was accepted.',
  },
  {
    env: 'PRODUCT_CATALOG',
    group: 'catalog',
    key: 'products',
    type: 'json',
    schema: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['name', 'netPrice', 'taxRate'],
        properties: {
          name: { type: 'string', minLength: 1 },
          netPrice: { type: 'number', minimum: 0 },
          taxRate: { enum: [0, 7, 19] },
        },
      },
    },
    default:
      '{"ebook-agiles-arbeiten":{"name":"E-Book Agiles Arbeiten","netPrice":18.69,"taxRate":7},"projektmanagement-zertifikat":{"name":"Zertifikatskurs Projektmanagement","netPrice":1490,"taxRate":19}}',
    description:
      'Products sold on the website, as JSON: slug → `{name, netPrice, taxRate}` (tax rate 0, 7 or 19 %).',
  },
  {
    env: 'PAYPAL_PLAN_MAP',
    group: 'catalog',
    key: 'paypalPlans',
    type: 'json',
    schema: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    default: '{"KURS-PM-ABO":"P-SANDBOX-KURS-PM-ABO"}',
    description:
      'Fakturia item number → PayPal billing plan id, as JSON, for contracts paid with PayPal.',
  },
  {
    env: 'DASHBOARD_PORT',
    group: 'dashboard',
    key: 'port',
    type: 'integer',
    minimum: 0,
    default: '3001',
    description: "Port of the operators' dashboard (Bull Board and the health page).",
  },
  {
    env: 'DASHBOARD_HOST',
    group: 'dashboard',
    key: 'host',
    type: 'string',
    default: '0.0.0.0',
    description: 'Address the dashboard listens on.',
  },
  {
    env: 'DASHBOARD_USER',
    group: 'dashboard',
    key: 'user',
    type: 'string',
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.DASHBOARD_USER,
    description: 'Operator login name.',
  },
  {
    env: 'DASHBOARD_PASSWORD',
    group: 'dashboard',
    key: 'password',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.DASHBOARD_PASSWORD,
    description: 'Operator password. The dashboard refuses to start in production without it.',
  },
  {
    env: 'DASHBOARD_SESSION_SECRET',
    group: 'dashboard',
    key: 'sessionSecret',
    type: 'string',
    secret: true,
    description:
      'Key that signs login sessions; derived from the password when unset (changing the password then ends every session).',
  },
];
