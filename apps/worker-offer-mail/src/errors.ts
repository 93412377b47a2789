import { NonRetriableError } from '@campus/errors';

/** No offer with this id is known (never sent, or its record expired): a retry cannot find it. */
export class UnknownAngebotError extends NonRetriableError {
  override name = 'UnknownAngebotError';
}

/** A job carries data no retry can make usable. */
export class InvalidOfferJobError extends NonRetriableError {
  override name = 'InvalidOfferJobError';
}
