import { NonRetriableError } from '@campus/errors';

/**
 * An event that lacks what the address needs (e.g. a customer number). The
 * job fails at once: a retry would read the same body.
 */
export class UnusableEventError extends NonRetriableError {
  override name = 'UnusableEventError';
}
