import { describe, expect, it } from 'vitest';
import { NonRetriableError } from './non-retriable-error.js';
import { RetryAfterError } from './retry-after-error.js';
import {
  NEVER_RETRY,
  RETRY_HINT,
  hasRetryHint,
  retryAdviceOf,
  type RetryAdvice,
  type RetryHint,
} from './retry-hint.js';

class UpstreamError extends Error {
  override name = 'UpstreamError';
}

/** An error whose base class is someone else's: it implements RetryHint instead. */
class UpstreamRejected extends UpstreamError implements RetryHint {
  override name = 'UpstreamRejected';
  get [RETRY_HINT](): RetryAdvice {
    return NEVER_RETRY;
  }
}

class CustomerGone extends NonRetriableError {
  override name = 'CustomerGone';
}

describe('NonRetriableError', () => {
  it('advises against any retry, keeps its message and cause, and a subclass its own name', () => {
    const cause = new Error('404 from the directory');
    const error = new CustomerGone('customer K1 was erased; nothing to send', { cause });
    expect(retryAdviceOf(error)).toEqual({ retry: 'never' });
    expect(error).toBeInstanceOf(NonRetriableError);
    expect(error.name).toBe('CustomerGone');
    expect(error.message).toBe('customer K1 was erased; nothing to send');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('CustomerGone: customer K1 was erased; nothing to send');
  });

  it('keeps the advice out of its own fields, so a logger copying them adds nothing', () => {
    expect(Object.getOwnPropertySymbols(new NonRetriableError('x'))).toEqual([]);
    expect(Object.keys(new NonRetriableError('x'))).toEqual(['name']);
  });
});

describe('RetryAfterError', () => {
  it('advises waiting its retryAfterMs', () => {
    const error = new RetryAfterError('ProSonata quota used up', 42_000);
    expect(error.retryAfterMs).toBe(42_000);
    expect(error.name).toBe('RetryAfterError');
    expect(retryAdviceOf(error)).toEqual({ retry: 'after', ms: 42_000 });
  });

  it('refuses a wait that is not a number of milliseconds, naming it', () => {
    expect(() => new RetryAfterError('429', Number.NaN)).toThrow(
      'RetryAfterError needs a wait of 0 ms or more, got NaN (for: 429)',
    );
    expect(() => new RetryAfterError('429', -1)).toThrow(RangeError);
  });
});

describe('hasRetryHint', () => {
  it('recognises an error of another base class by its hint', () => {
    const error = new UpstreamRejected('Lexoffice answered 400');
    expect(hasRetryHint(error)).toBe(true);
    expect(retryAdviceOf(error)).toBe(NEVER_RETRY);
  });

  it('recognises a hint made by another copy of this package (same registered symbol)', () => {
    const foreign = Object.assign(new Error('from a second copy'), {
      [Symbol.for('@campus/errors.retry-hint')]: { retry: 'after', ms: 5 },
    });
    expect(retryAdviceOf(foreign)).toEqual({ retry: 'after', ms: 5 });
  });

  it('gives no advice for plain errors, duck-typed fields, non-errors or malformed hints', () => {
    const duckTyped = Object.assign(new Error('old protocol'), {
      retryable: false,
      retryAfterMs: 700,
    });
    const malformed = Object.assign(new Error('bad hint'), {
      [RETRY_HINT]: { retry: 'after', ms: Number.POSITIVE_INFINITY },
    });
    const notAnError = { [RETRY_HINT]: NEVER_RETRY, message: 'looks like one' };
    for (const value of [new Error('plain'), duckTyped, malformed, notAnError, 'text', null]) {
      expect(hasRetryHint(value)).toBe(false);
      expect(retryAdviceOf(value)).toBeUndefined();
    }
  });
});
