import type { ValidationDetail } from '@campus/events';

// Retry behaviour follows the runtime's protocol (`retryable === false` fails
// the job for good; anything else is retried with backoff), so these errors
// need no BullMQ class.

/** The event lacks what a voucher needs, or carries what no voucher may hold: no retry changes it. */
export class InvoiceDataError extends Error {
  override name = 'InvoiceDataError';
  readonly retryable = false;
  constructor(what: string, problem: string) {
    super(
      `${what}: ${problem}. A retry cannot fix the payload; correct it in the source system ` +
        '(its next event is synced) or book this voucher in Lexoffice by hand',
    );
  }
}

/** A website purchase of a product the catalog does not list. */
export class UnknownProductError extends Error {
  override name = 'UnknownProductError';
  readonly retryable = false;
  constructor(readonly slug: string) {
    super(
      `product "${slug}" is not in the product catalog (PRODUCT_CATALOG); add it with name, ` +
        'netPrice and taxRate, restart the worker, then retry this job',
    );
  }
}

/**
 * The voucher we built breaks the `lexoffice_voucher_create_out` contract: a
 * bug in a mapping or a payload without a required field; never sent.
 */
export class VoucherContractError extends Error {
  override name = 'VoucherContractError';
  readonly retryable = false;
  constructor(
    reference: string,
    readonly details: ValidationDetail[],
  ) {
    super(
      `Lexoffice voucher for ${reference} breaks lexoffice_voucher_create_out: ` +
        details.map((d) => `${d.path} ${d.message}`).join('; '),
    );
  }
}

/**
 * The name a Fakturia invoice needs comes from the customer directory, which
 * the order-to-customer worker fills from the customer events. Retried: the
 * customer event may still be on its way.
 */
export class CustomerNotInDirectoryError extends Error {
  override name = 'CustomerNotInDirectoryError';
  constructor(customerNumber: string, invoiceNumber: string) {
    super(
      `customer ${customerNumber} of invoice ${invoiceNumber} is not in the customer directory yet, ` +
        'so the voucher has no recipient name; retrying until its CUSTOMER_CREATED event is processed',
    );
  }
}

/**
 * An earlier attempt sent the voucher and got no answer, and Lexoffice could
 * not be searched for it: creating it again could book it twice.
 */
export class VoucherOutcomeUnknownError extends Error {
  override name = 'VoucherOutcomeUnknownError';
  readonly retryable = false;
  constructor(reference: string, remark: string, options: { cause: unknown }) {
    super(
      `an earlier attempt sent the voucher for ${reference} but got no answer, and Lexoffice's voucher ` +
        `list could not be searched (${(options.cause as Error).message}). Look in Lexoffice for a voucher ` +
        `with the remark "${remark}": if there is none, retry this job (it creates the voucher); ` +
        'if there is one, leave this job failed',
      options,
    );
  }
}

/** A PayPal payment that leads to no contract: neither a subscription link nor `custom`. */
export class PaymentWithoutContractError extends Error {
  override name = 'PaymentWithoutContractError';
  constructor(saleId: string, subscriptionId: string | undefined) {
    super(
      `PayPal sale ${saleId} names no contract: subscription ${subscriptionId ?? '(none)'} is not linked ` +
        'and resource.custom is empty; retrying until the paypal-subscription worker has linked it',
    );
  }
}
