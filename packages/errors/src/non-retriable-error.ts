import { NEVER_RETRY, RETRY_HINT, type RetryAdvice, type RetryHint } from './retry-hint.js';

/**
 * A retry cannot fix this (a 4xx answer, a payload that lacks what is needed,
 * a contract violation): the job fails now, with this message as the reason.
 * Extend it and give the subclass its own `name`; say in the message what an
 * operator can do. (After inngest's `NonRetriableError`.)
 */
export class NonRetriableError extends Error implements RetryHint {
  override name = 'NonRetriableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  get [RETRY_HINT](): RetryAdvice {
    return NEVER_RETRY;
  }
}
