import type { GroupSpec } from './define.js';

export const worker = {
  concurrency: {
    env: 'WORKER_CONCURRENCY',
    type: 'integer',
    minimum: 1,
    default: '5',
    description: 'Jobs one worker process works on at once (per-domain limits still apply).',
  },
  lockMs: {
    env: 'WORKER_LOCK_MS',
    type: 'integer',
    minimum: 1000,
    default: '30000',
    description:
      "How long a job stays locked to its worker without a renewal; a killed worker's job is taken over after about this long.",
  },
  stalledIntervalMs: {
    env: 'WORKER_STALLED_INTERVAL_MS',
    type: 'integer',
    minimum: 500,
    default: '30000',
    description: 'How often workers look for jobs whose worker died.',
  },
  shutdownGraceMs: {
    env: 'WORKER_SHUTDOWN_GRACE_MS',
    type: 'integer',
    minimum: 0,
    default: '30000',
    description:
      'On SIGTERM, how long active jobs may run to completion before they are aborted and left for another worker.',
  },
  metricsPort: {
    env: 'WORKER_METRICS_PORT',
    type: 'integer',
    minimum: 0,
    default: '0',
    description:
      "Port of the worker's /metrics and /healthz (0: none, e.g. when several processes share a host).",
  },
} as const satisfies GroupSpec;
