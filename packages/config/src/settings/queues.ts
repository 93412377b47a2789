import type { GroupSpec } from './define.js';

export const queues = {
  eventKeyTtlDays: {
    env: 'EVENT_KEY_TTL_DAYS',
    type: 'integer',
    minimum: 3,
    default: '7',
    description:
      "How long an event key is remembered for de-duplication (at least PayPal's 3-day retry window, at most the completed-job retention).",
  },
  keepCompletedDays: {
    env: 'KEEP_COMPLETED_DAYS',
    type: 'integer',
    minimum: 1,
    default: '7',
    description: 'Completed jobs are kept this long.',
  },
  keepFailedDays: {
    env: 'KEEP_FAILED_DAYS',
    type: 'integer',
    minimum: 1,
    default: '30',
    description: 'Failed jobs are kept this long, for inspection and retry.',
  },
} as const satisfies GroupSpec;
