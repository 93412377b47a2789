import { RETRY_HINT, type RetryAdvice, type RetryHint } from './retry-hint.js';

/**
 * The upstream asked us to wait (429, 503 with Retry-After, a spent quota):
 * the queue waits `retryAfterMs` and the attempt is not counted. (After
 * inngest's `RetryAfterError`; the wait is in milliseconds only.)
 */
export class RetryAfterError extends Error implements RetryHint {
  override name = 'RetryAfterError';
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options?: { cause?: unknown }) {
    super(message, options);
    if (!Number.isFinite(retryAfterMs) || retryAfterMs < 0) {
      throw new RangeError(
        `RetryAfterError needs a wait of 0 ms or more, got ${retryAfterMs} (for: ${message})`,
      );
    }
    this.retryAfterMs = retryAfterMs;
  }

  get [RETRY_HINT](): RetryAdvice {
    return { retry: 'after', ms: this.retryAfterMs };
  }
}
