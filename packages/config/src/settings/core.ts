import type { GroupSpec } from './define.js';

export const core = {
  mode: {
    env: 'CAMPUS_MODE',
    type: 'string',
    enum: ['sandbox', 'production'],
    default: 'sandbox',
    description:
      '`sandbox` points every upstream at apps/sandbox and fills unset secrets with development values; `production` refuses to start while one is missing.',
  },
  redisUrl: {
    env: 'REDIS_URL',
    type: 'string',
    pattern: '^rediss?://[^,\\s]+(,rediss?://[^,\\s]+)*$',
    default: 'redis://127.0.0.1:6379',
    description:
      'Redis holding every queue (`redis://` or `rediss://`, credentials in the URL). With `REDIS_CLUSTER=true`: the seed nodes of the cluster, comma-separated (`redis://:pw@10.0.0.1:6379,redis://:pw@10.0.0.2:6379`).',
  },
  redisCluster: {
    env: 'REDIS_CLUSTER',
    type: 'boolean',
    default: 'false',
    description:
      '`true`: Redis is a Redis Cluster and every app and script uses a cluster client; each domain queue then has a hash slot of its own (docs/architecture.md#redis-keys).',
  },
  queuePrefix: {
    env: 'QUEUE_PREFIX',
    type: 'string',
    pattern: '^[A-Za-z0-9_-]+$',
    default: 'campus',
    description:
      "Prefix of every Redis key the system uses (no `{}`: the queues' hash tags are ours).",
  },
  logLevel: {
    env: 'LOG_LEVEL',
    type: 'string',
    enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    description: 'pino log level.',
  },
} as const satisfies GroupSpec;
