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
    pattern: '^rediss?://',
    default: 'redis://127.0.0.1:6379',
    description: 'Redis holding every queue (`redis://` or `rediss://`).',
  },
  queuePrefix: {
    env: 'QUEUE_PREFIX',
    type: 'string',
    pattern: '^[A-Za-z0-9_{}-]+$',
    default: 'campus',
    description: 'Prefix of every Redis key the queues use.',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    type: 'string',
    enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    description: 'pino log level.',
  },
} as const satisfies GroupSpec;
