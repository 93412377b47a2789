/**
 * An event that lacks what the address needs (e.g. a customer number). The
 * worker runtime fails the job at once (`retryable === false`): a retry would
 * read the same body.
 */
export class UnusableEventError extends Error {
  override name = 'UnusableEventError';
  readonly retryable = false;
}
