import type { JobsOptions } from 'bullmq';

const DAY_SECONDS = 24 * 60 * 60;

/** The name of our backoff strategy; every worker registers `campusBackoff` under it. */
export const CAMPUS_BACKOFF = 'campus-exponential';

/**
 * Exponential backoff with jitter, from `baseDelayMs` (10 s) growing ×4 per
 * retry up to 6 hours: 10 s, 40 s, 2.7 min, 11 min, 43 min, 2.8 h, 6 h. The
 * jitter (±20 %) spreads retries of many jobs that failed together.
 */
export function campusBackoff(
  attemptsMade: number,
  baseDelayMs = 10_000,
  random = Math.random,
): number {
  const exponent = Math.max(0, attemptsMade - 1);
  const delay = Math.min(baseDelayMs * 4 ** exponent, 6 * 60 * 60 * 1000);
  return Math.round(delay * (0.8 + 0.4 * random()));
}

export interface RetentionSettings {
  keepCompletedDays: number;
  keepFailedDays: number;
}

/** Defaults of every domain job: 8 attempts, our backoff, completed kept 7 days, failed 30. */
export function defaultJobOptions(retention: RetentionSettings, attempts = 8): JobsOptions {
  return {
    attempts,
    backoff: { type: CAMPUS_BACKOFF, delay: 10_000 },
    removeOnComplete: { age: retention.keepCompletedDays * DAY_SECONDS },
    removeOnFail: { age: retention.keepFailedDays * DAY_SECONDS },
  };
}

/** Quarantined payloads are kept as long as failed jobs, and processed once per replay. */
export function quarantineJobOptions(retention: RetentionSettings): JobsOptions {
  return {
    attempts: 1,
    removeOnComplete: { age: retention.keepCompletedDays * DAY_SECONDS },
    removeOnFail: { age: retention.keepFailedDays * DAY_SECONDS },
  };
}
