/**
 * What a retry can do about an error:
 * - `never`: nothing; the job fails now (a 4xx, a payload no retry changes).
 * - `after`: the upstream asked us to wait `ms` (429, 503, a spent quota); the
 *   queue waits and the attempt is not counted.
 * An error without advice is retried with backoff until its attempts are used up.
 */
export type RetryAdvice =
  { readonly retry: 'never' } | { readonly retry: 'after'; readonly ms: number };

/**
 * The key under which an error carries its advice. A registered symbol, so
 * that two copies of this package in one process (source and built) agree.
 */
export const RETRY_HINT: unique symbol = Symbol.for('@campus/errors.retry-hint');

/**
 * An error that says what a retry can do about it. `NonRetriableError` and
 * `RetryAfterError` are the usual way; an error that must extend another base
 * class (e.g. `UpstreamRejectedError extends UpstreamError`) implements this
 * instead, best as a getter so that the advice is not an own field loggers copy:
 *
 *     get [RETRY_HINT](): RetryAdvice { return NEVER_RETRY; }
 */
export interface RetryHint {
  readonly [RETRY_HINT]: RetryAdvice;
}

/** The advice of every error a retry cannot fix. */
export const NEVER_RETRY: RetryAdvice = Object.freeze({ retry: 'never' });

function isRetryAdvice(value: unknown): value is RetryAdvice {
  if (typeof value !== 'object' || value === null) return false;
  const advice = value as { retry?: unknown; ms?: unknown };
  if (advice.retry === 'never') return true;
  return (
    advice.retry === 'after' &&
    typeof advice.ms === 'number' &&
    Number.isFinite(advice.ms) &&
    advice.ms >= 0
  );
}

/** True for an Error carrying well-formed retry advice. */
export function hasRetryHint(error: unknown): error is Error & RetryHint {
  return error instanceof Error && RETRY_HINT in error && isRetryAdvice(error[RETRY_HINT]);
}

/** The advice an error carries, or undefined for an ordinary error (retried with backoff). */
export function retryAdviceOf(error: unknown): RetryAdvice | undefined {
  return hasRetryHint(error) ? error[RETRY_HINT] : undefined;
}
