// `retryable = false` is the runtime's protocol for "a retry cannot fix this":
// the job fails at once instead of using up its attempts.

/** No offer with this id is known (never sent, or its record expired). */
export class UnknownAngebotError extends Error {
  override name = 'UnknownAngebotError';
  readonly retryable = false;
}

/** A job carries data no retry can make usable. */
export class InvalidOfferJobError extends Error {
  override name = 'InvalidOfferJobError';
  readonly retryable = false;
}
