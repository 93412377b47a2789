import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import {
  NEVER_RETRY,
  NonRetriableError,
  RETRY_HINT,
  RetryAfterError,
  type RetryAdvice,
  type RetryHint,
} from '@campus/errors';
import { decideRetry } from './retry-policy.js';

class UpstreamError extends Error {
  override name = 'UpstreamError';
}
/** Another base class, as UpstreamRejectedError and UpstreamRateLimitError have. */
class HintedUpstreamError extends UpstreamError implements RetryHint {
  constructor(
    message: string,
    private readonly advice: RetryAdvice,
  ) {
    super(message);
  }
  get [RETRY_HINT](): RetryAdvice {
    return this.advice;
  }
}
class MissingFieldError extends NonRetriableError {
  override name = 'MissingFieldError';
}

describe('decideRetry', () => {
  it('fails a NonRetriableError and its subclasses now', () => {
    const plain = new NonRetriableError('Lexoffice answered 400');
    const sub = new MissingFieldError('DUNNING_CREATED has no usable dueDate');
    expect(decideRetry(plain)).toEqual({ kind: 'fail', error: plain });
    expect(decideRetry(sub)).toEqual({ kind: 'fail', error: sub });
  });

  it("fails BullMQ's own UnrecoverableError now", () => {
    const error = new UnrecoverableError('Invalid DUNNING_CREATED event');
    expect(decideRetry(error)).toEqual({ kind: 'fail', error });
  });

  it('waits out a RetryAfterError without counting the attempt', () => {
    const error = new RetryAfterError('ProSonata quota used up', 61_000);
    expect(decideRetry(error)).toEqual({ kind: 'wait', ms: 61_000, error });
  });

  it('waits at least 100 ms, even when told 0', () => {
    const error = new RetryAfterError('Retry-After: 0', 0);
    expect(decideRetry(error)).toEqual({ kind: 'wait', ms: 100, error });
  });

  it('follows the hint of an error with another base class', () => {
    const rejected = new HintedUpstreamError('ProSonata answered 409', NEVER_RETRY);
    const limited = new HintedUpstreamError('PayPal answered 429', { retry: 'after', ms: 7_000 });
    expect(decideRetry(rejected)).toEqual({ kind: 'fail', error: rejected });
    expect(decideRetry(limited)).toEqual({ kind: 'wait', ms: 7_000, error: limited });
  });

  it('retries any other error with backoff', () => {
    const error = new UpstreamError('Lexoffice answered 502');
    expect(decideRetry(error)).toEqual({ kind: 'retry', error });
  });

  it('no longer reads duck-typed retryable or retryAfterMs fields: those errors are retried', () => {
    const error = Object.assign(new Error('Lexoffice answered 400'), {
      retryable: false,
      retryAfterMs: 700,
    });
    expect(decideRetry(error)).toEqual({ kind: 'retry', error });
  });

  it('turns a thrown non-error into an error that is retried', () => {
    const decision = decideRetry('SMTP said 451');
    expect(decision.kind).toBe('retry');
    expect(decision.error).toBeInstanceOf(Error);
    expect(decision.error.message).toBe('SMTP said 451');
  });
});
