import { NonRetriableError } from '@campus/errors';
import type { ValidationDetail } from '@campus/events';

// A NonRetriableError fails the job for good (the customer resolver's
// CustomerUnknownAtFakturiaError among them); any other error is retried with backoff.

/** The event lacks what a voucher needs, or carries what no voucher may hold: no retry changes it. */
export class InvoiceDataError extends NonRetriableError {
  override name = 'InvoiceDataError';
  constructor(what: string, problem: string) {
    super(
      `${what}: ${problem}. A retry cannot fix the payload; correct it in the source system ` +
        '(its next event is synced) or book this voucher in Lexoffice by hand',
    );
  }
}

/** A website purchase of a product the catalog does not list. */
export class UnknownProductError extends NonRetriableError {
  override name = 'UnknownProductError';
  constructor(readonly slug: string) {
    super(
      `product "${slug}" is not in the product catalog (PRODUCT_CATALOG); add it with name, ` +
        'netPrice, taxRate and (for an e-book) downloadUrl, restart the worker, then retry this job',
    );
  }
}

/**
 * The voucher we built breaks the `lexoffice_voucher_create_out` contract: a
 * bug in a mapping or a payload without a required field; never sent.
 */
export class VoucherContractError extends NonRetriableError {
  override name = 'VoucherContractError';
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
 * An earlier attempt sent the voucher (or invoice) and got no answer, and
 * Lexoffice could not be searched for it: creating it again could book it twice.
 */
export class VoucherOutcomeUnknownError extends NonRetriableError {
  override name = 'VoucherOutcomeUnknownError';
  /**
   * @param lookFor what the operator looks for in Lexoffice, e.g.
   *   `a salesinvoice with the voucher number "RE-2024-000042"`.
   */
  constructor(reference: string, lookFor: string, options: { cause: unknown }) {
    super(
      `an earlier attempt sent the voucher for ${reference} but got no answer, and Lexoffice's voucher ` +
        `list could not be searched (${(options.cause as Error).message}). Look in Lexoffice for ${lookFor}: ` +
        'if there is none, retry this job (it creates it); if there is one, leave this job failed',
      options,
    );
  }
}

/** A website purchase of a catalog product that has no file to download. */
export class ProductWithoutDownloadError extends NonRetriableError {
  override name = 'ProductWithoutDownloadError';
  constructor(readonly slug: string) {
    super(
      `product "${slug}" has no downloadUrl in the product catalog (PRODUCT_CATALOG), so its buyer would ` +
        'get no e-book: add the URL the website serves it at, restart the worker, then retry this job ' +
        '(nothing was invoiced yet)',
    );
  }
}

/**
 * Fakturia has no PDF for an invoice it announced (404). Retried: Fakturia
 * may render it after the webhook. The invoice is booked only with its document.
 */
export class FakturiaDocumentMissingError extends Error {
  override name = 'FakturiaDocumentMissingError';
  constructor(invoiceNumber: string) {
    super(
      `Fakturia has no document for invoice ${invoiceNumber} (GET /api/v1/Invoices/${invoiceNumber}/Document ` +
        'answered 404), so it is not booked yet; retrying. If this job fails for good, check in Fakturia that the ' +
        'invoice exists in the project FAKTURIA_API_KEY belongs to, then retry it',
    );
  }
}

/** Lexoffice shows an invoice we finalized without its number; retried, as it may still be numbering it. */
export class InvoiceWithoutNumberError extends Error {
  override name = 'InvoiceWithoutNumberError';
  constructor(invoiceId: string, status: string | undefined) {
    super(
      `Lexoffice shows invoice ${invoiceId} (status ${status ?? 'unknown'}) without a voucherNumber, so the ` +
        "buyer's mail cannot name it yet; retrying. If this job fails for good, finalize the invoice in " +
        'Lexoffice, then retry it',
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
