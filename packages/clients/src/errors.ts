import { NEVER_RETRY, RETRY_HINT, type RetryAdvice, type RetryHint } from '@campus/errors';

/**
 * How an upstream answer should be treated, decided once from the status code:
 * 4xx (but 408/429) cannot be fixed by retrying; 429 and 503 ask us to wait;
 * everything else (5xx, timeouts, network errors) is retried.
 */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    message: string,
    readonly upstream: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A 4xx answer (other than 408/429): retrying the same request cannot succeed, so the job fails now. */
export class UpstreamRejectedError extends UpstreamError implements RetryHint {
  override name = 'UpstreamRejectedError';

  get [RETRY_HINT](): RetryAdvice {
    return NEVER_RETRY;
  }
}

/** 429, 503 or an exhausted quota: the queue waits `retryAfterMs`, without using up an attempt. */
export class UpstreamRateLimitError extends UpstreamError implements RetryHint {
  override name = 'UpstreamRateLimitError';
  constructor(
    message: string,
    upstream: string,
    status: number | undefined,
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, upstream, status, options);
  }

  get [RETRY_HINT](): RetryAdvice {
    return { retry: 'after', ms: this.retryAfterMs };
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds; `fallbackMs` when absent. */
export function parseRetryAfter(
  value: string | null,
  fallbackMs: number,
  now = Date.now(),
): number {
  if (!value) return fallbackMs;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? fallbackMs : Math.max(0, date - now);
}

/** Turns a non-2xx status into the error type that carries the right retry behaviour. */
export function errorForStatus(
  upstream: string,
  status: number,
  detail: string,
  retryAfter: string | null,
): UpstreamError {
  const message = `${upstream} answered ${status}: ${detail}`.slice(0, 500);
  if (status === 429 || status === 503) {
    return new UpstreamRateLimitError(
      message,
      upstream,
      status,
      parseRetryAfter(retryAfter, 5_000),
    );
  }
  if (status >= 400 && status < 500 && status !== 408)
    return new UpstreamRejectedError(message, upstream, status);
  return new UpstreamError(message, upstream, status);
}
