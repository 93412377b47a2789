export { NonRetriableError } from './non-retriable-error.js';
export { RetryAfterError } from './retry-after-error.js';
export { NEVER_RETRY, RETRY_HINT, hasRetryHint, retryAdviceOf } from './retry-hint.js';
export type { RetryAdvice, RetryHint } from './retry-hint.js';
