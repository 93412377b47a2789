import type { CustomerRef } from '@campus/customer-directory';
import { NonRetriableError } from '@campus/errors';

// A NonRetriableError fails the job for good; any other error is retried with
// backoff (the customer directory's CustomerNotInDirectoryError among them).

function describeCustomer(ref: CustomerRef): string {
  // Fakturia is the usual case and the one operators search for by its number.
  return ref.source === 'fakturia' ? `customer ${ref.id}` : `${ref.source} customer ${ref.id}`;
}

/** The customer is known but has no e-mail address: no retry can invent one. */
export class CustomerWithoutEmailError extends NonRetriableError {
  override name = 'CustomerWithoutEmailError';
  constructor(readonly customer: CustomerRef) {
    super(
      `${describeCustomer(customer)} has no e-mail address in the directory; add one in ${customer.source} ` +
        '(its customer-changed event updates the directory), then retry this job from the dashboard',
    );
  }
}

/** The event lacks a field the mail needs; the same payload will lack it on every retry. */
export class MissingFieldError extends NonRetriableError {
  override name = 'MissingFieldError';
  constructor(
    readonly event: string,
    readonly field: string,
    context: string,
  ) {
    super(
      `${event}${context} has no usable ${field}; a retry cannot add it. ` +
        'Check the payload the sender posts (its field names are assumed in @campus/events) and replay the job once the reader handles it',
    );
  }
}

/**
 * A PayPal subscription not (yet) linked to a Fakturia contract: the link is
 * written by the paypal-subscription worker when it creates the subscription.
 */
export class SubscriptionNotLinkedError extends Error {
  override name = 'SubscriptionNotLinkedError';
  constructor(
    readonly subscriptionId: string,
    contractNumber: string | undefined,
  ) {
    super(
      `PayPal subscription ${subscriptionId} is not linked to a customer yet` +
        (contractNumber === undefined
          ? ''
          : ` (contract ${contractNumber} from resource.custom alone does not lead to an e-mail address)`) +
        '; retrying until the paypal-subscription worker has linked it',
    );
  }
}

/** A link without a customer number cannot lead to an e-mail address; the link has to be fixed. */
export class SubscriptionWithoutCustomerError extends NonRetriableError {
  override name = 'SubscriptionWithoutCustomerError';
  constructor(
    readonly subscriptionId: string,
    contractNumber: string,
  ) {
    super(
      `PayPal subscription ${subscriptionId} is linked to contract ${contractNumber} without a customer number, ` +
        'so no e-mail address can be found; relink it with the customer number, then retry this job',
    );
  }
}

/**
 * A refund or reversal that invoice-sync has not recorded in the PayPal
 * payments ledger yet: the held Mahnung is released only once the payment
 * no longer counts there, so this job waits by retrying.
 */
export class ReturnNotRecordedError extends Error {
  override name = 'ReturnNotRecordedError';
  constructor(eventType: string, saleId: string, eventId: string) {
    super(
      `${eventType} ${eventId} of PayPal sale ${saleId} is not in the PayPal payments ledger yet; ` +
        'retrying until invoice-sync has recorded it (if this persists, look at that event in the invoice-sync queue)',
    );
  }
}
