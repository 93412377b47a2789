import type { ValidationDetail } from '@campus/events';

// Retry behaviour by the runtime's protocol (`retryable === false` fails the job
// at once), so this app needs no direct dependency on BullMQ.

/** The contract names no item with a PayPal plan: only a new PAYPAL_PLAN_MAP can fix that. */
export class NoPaypalPlanError extends Error {
  override name = 'NoPaypalPlanError';
  readonly retryable = false;
  constructor(contractNumber: string, itemNumbers: readonly string[]) {
    const items = itemNumbers.length > 0 ? itemNumbers.join(', ') : 'none';
    super(
      `Contract ${contractNumber} has no item with a PayPal plan (item numbers: ${items}). ` +
        'Map one of them to a plan id in PAYPAL_PLAN_MAP, restart the worker and retry the job.',
    );
  }
}

/** The event lacks what a subscription needs; a retry delivers the same event. */
export class IncompleteContractError extends Error {
  override name = 'IncompleteContractError';
  readonly retryable = false;
  constructor(missing: readonly string[]) {
    super(
      `The CONTRACT_ACTIVATED event has no ${missing.join(' and ')}; ` +
        'without it no PayPal subscription can be linked to its contract. Check the contract in Fakturia.',
    );
  }
}

/**
 * The customer's record arrives through another queue (order-to-customer), so
 * it may simply not be there yet: retried with backoff until it is.
 */
export class CustomerNotKnownError extends Error {
  override name = 'CustomerNotKnownError';
  constructor(customerNumber: string, reason: 'unknown' | 'no-email') {
    super(
      reason === 'unknown'
        ? `Customer ${customerNumber} is not in the customer directory yet; ` +
            'retrying until its CUSTOMER_CREATED event has been processed by order-to-customer.'
        : `Customer ${customerNumber} has no e-mail address in the customer directory; ` +
            'retrying until a CUSTOMER_CHANGED event supplies one.',
    );
  }
}

/** We built a body the outbound contract forbids: a bug (or bad directory data), not bad luck. */
export class SubscriptionContractError extends Error {
  override name = 'SubscriptionContractError';
  readonly retryable = false;
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
