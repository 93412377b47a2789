import { UnrecoverableError } from 'bullmq';
import { retryAdviceOf } from '@campus/errors';

/**
 * What a handler's error means for its job, read from the error's type
 * (@campus/errors), so that clients and domains need not depend on BullMQ:
 * - `NonRetriableError`, any error whose RetryHint says `never`, or BullMQ's
 *   own `UnrecoverableError`: the job fails now.
 * - `RetryAfterError` or a RetryHint saying `after` (429, 503, a spent quota):
 *   the queue waits that long and the job runs again without using up an attempt.
 * - anything else: retried with backoff until the attempts are used up.
 */
export type RetryDecision =
  | { kind: 'fail'; error: Error }
  | { kind: 'wait'; ms: number; error: Error }
  | { kind: 'retry'; error: Error };

// A shorter wait would only spin the queue: BullMQ's rate limit is a pause.
const MIN_WAIT_MS = 100;

export function decideRetry(error: unknown): RetryDecision {
  const err = error instanceof Error ? error : new Error(String(error));
  if (err instanceof UnrecoverableError) return { kind: 'fail', error: err };
  const advice = retryAdviceOf(err);
  if (advice?.retry === 'never') return { kind: 'fail', error: err };
  if (advice?.retry === 'after')
    return { kind: 'wait', ms: Math.max(advice.ms, MIN_WAIT_MS), error: err };
  return { kind: 'retry', error: err };
}
