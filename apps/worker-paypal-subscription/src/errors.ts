import { NonRetriableError } from '@campus/errors';
import type { ValidationDetail } from '@campus/events';

// A NonRetriableError fails the job at once; any other error is retried with
// backoff (the customer directory's CustomerNotInDirectoryError among them).

/** The contract names no item with a PayPal plan: only a new PAYPAL_PLAN_MAP can fix that. */
export class NoPaypalPlanError extends NonRetriableError {
  override name = 'NoPaypalPlanError';
  constructor(contractNumber: string, itemNumbers: readonly string[]) {
    const items = itemNumbers.length > 0 ? itemNumbers.join(', ') : 'none';
    super(
      `Contract ${contractNumber} has no item with a PayPal plan (item numbers: ${items}). ` +
        'Map one of them to a plan id in PAYPAL_PLAN_MAP, restart the worker and retry the job.',
    );
  }
}

/** The event lacks what a subscription needs; a retry delivers the same event. */
export class IncompleteContractError extends NonRetriableError {
  override name = 'IncompleteContractError';
  constructor(missing: readonly string[]) {
    super(
      `The CONTRACT_ACTIVATED event has no ${missing.join(' and ')}; ` +
        'without it no PayPal subscription can be linked to its contract. Check the contract in Fakturia.',
    );
  }
}

/**
 * The customer's record has no e-mail address (yet): a CUSTOMER_CHANGED event
 * may still bring one through order-to-customer, so retried with backoff.
 */
export class CustomerWithoutEmailYetError extends Error {
  override name = 'CustomerWithoutEmailYetError';
  constructor(customerNumber: string) {
    super(
      `Customer ${customerNumber} has no e-mail address in the customer directory; ` +
        'retrying until a CUSTOMER_CHANGED event supplies one.',
    );
  }
}

/** We built a body the outbound contract forbids: a bug (or bad directory data), not bad luck. */
export class SubscriptionContractError extends NonRetriableError {
  override name = 'SubscriptionContractError';
  constructor(
    contractNumber: string,
    readonly details: readonly ValidationDetail[],
  ) {
    super(
      `The PayPal subscription for contract ${contractNumber} violates paypal_subscription_create_out: ` +
        `${details.map((d) => `${d.path} ${d.message}`).join('; ')}. ` +
        'Fix the customer record or the worker; a retry sends the same body.',
    );
  }
}

/**
 * An earlier attempt to create the subscription has an unknown outcome and is
 * more than 72 hours old: PayPal no longer knows its PayPal-Request-Id, so a
 * new call could create a second subscription. Only a person can tell.
 */
export class RequestIdExpiredError extends NonRetriableError {
  override name = 'RequestIdExpiredError';
  constructor(contractNumber: string, requestId: string, firstAttemptAt: string) {
    super(
      `The PayPal subscription of contract ${contractNumber} was first requested at ${firstAttemptAt} and that ` +
        'attempt ended without a known outcome; PayPal keeps a PayPal-Request-Id only 72 hours, so asking again ' +
        `(${requestId}) could create a second subscription. Look in PayPal for a subscription with custom_id ` +
        `${contractNumber}: if there is one, it is the customer's (mail its approval link by hand); if there is ` +
        'none, retry this job, which then asks PayPal afresh.',
    );
  }
}

/** Neither the contract nor its customer says how it is paid: whether it needs a PayPal subscription is unknown. */
export class PaymentMethodUnknownError extends NonRetriableError {
  override name = 'PaymentMethodUnknownError';
  constructor(contractNumber: string, customerNumber: string) {
    super(
      `Contract ${contractNumber} names no paymentMethod, and neither does its customer ${customerNumber} ` +
        '(in the customer directory or at Fakturia), so whether it needs a PayPal subscription cannot be told. ' +
        'Set the payment method of the customer or the contract in Fakturia, then retry this job.',
    );
  }
}
