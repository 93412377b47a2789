import { UnrecoverableError } from 'bullmq';

/**
 * How a handler's error decides what happens next, by protocol rather than by
 * class so that clients need not depend on BullMQ:
 * - `UnrecoverableError`, or any error with `retryable === false`: the job fails now.
 * - an error with a numeric `retryAfterMs` (429, 503, exhausted quota): the
 *   queue waits that long and the job runs again without using up an attempt.
 * - anything else: retried with backoff until the attempts are used up.
 */
export type RetryDecision =
  | { kind: 'fail'; error: Error }
  | { kind: 'wait'; ms: number; error: Error }
  | { kind: 'retry'; error: Error };

export function decideRetry(error: unknown): RetryDecision {
  const err = error instanceof Error ? error : new Error(String(error));
  const marked = err as Error & { retryable?: unknown; retryAfterMs?: unknown };
  if (err instanceof UnrecoverableError || marked.retryable === false)
    return { kind: 'fail', error: err };
  if (typeof marked.retryAfterMs === 'number' && marked.retryAfterMs >= 0) {
    return { kind: 'wait', ms: Math.max(marked.retryAfterMs, 100), error: err };
  }
  return { kind: 'retry', error: err };
}
