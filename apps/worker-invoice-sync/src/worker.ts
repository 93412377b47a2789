import { defineWorker } from '@campus/queues';
import type { InvoiceSyncDeps } from './deps.js';
import { handleCampusFormEbookKaufSubmit } from './handlers/campus-form-ebook-kauf-submit.js';
import { handleFakturiaInvoiceCreated } from './handlers/fakturia-invoice-created.js';
import { handleFakturiaInvoicePaymentReceived } from './handlers/fakturia-invoice-payment-received.js';
import { handleFakturiaInvoicecorrectionCreated } from './handlers/fakturia-invoicecorrection-created.js';
import { handlePaypalPaymentSaleCompleted } from './handlers/paypal-payment-sale-completed.js';
import { handlePaypalPaymentSaleRefunded } from './handlers/paypal-payment-sale-refunded.js';
import { handlePaypalPaymentSaleReversed } from './handlers/paypal-payment-sale-reversed.js';
import { handlePlenigoInvoiceCancellationCreation } from './handlers/plenigo-invoice-cancellation-creation.js';
import { handlePlenigoInvoiceCorrectionCreation } from './handlers/plenigo-invoice-correction-creation.js';
import { handlePlenigoInvoiceCreation } from './handlers/plenigo-invoice-creation.js';

/**
 * The invoice-sync domain: bookkeeping vouchers at Lexoffice for the invoices,
 * corrections and cancellations Fakturia and plenigo issued; a Lexoffice
 * invoice and the buyer's mail for a website e-book purchase; payments into
 * the invoice ledger.
 */
export function createInvoiceSyncWorker(deps: InvoiceSyncDeps) {
  return defineWorker({
    queue: 'invoice-sync',
    // Queue-wide in Redis: jobs started per second across every process. A job
    // makes one to four Lexoffice calls (voucher; its file; invoice, number,
    // document, PDF), a retry after a lost answer may search first: the rate
    // gate holds each request itself to the account's limit.
    limiter: { max: deps.requestsPerSecond, duration: 1_000 },
    events: {
      'fakturia.INVOICE_CREATED': handleFakturiaInvoiceCreated(deps),
      'fakturia.INVOICECORRECTION_CREATED': handleFakturiaInvoicecorrectionCreated(deps),
      'fakturia.INVOICE_PAYMENT_RECEIVED': handleFakturiaInvoicePaymentReceived(deps),
      'plenigo.INVOICE/CREATION': handlePlenigoInvoiceCreation(deps),
      'plenigo.INVOICE_CORRECTION/CREATION': handlePlenigoInvoiceCorrectionCreation(deps),
      'plenigo.INVOICE_CANCELLATION/CREATION': handlePlenigoInvoiceCancellationCreation(deps),
      'paypal.PAYMENT.SALE.COMPLETED': handlePaypalPaymentSaleCompleted(deps),
      'paypal.PAYMENT.SALE.REFUNDED': handlePaypalPaymentSaleRefunded(deps),
      'paypal.PAYMENT.SALE.REVERSED': handlePaypalPaymentSaleReversed(deps),
      'campus.form.ebook.kauf.submit': handleCampusFormEbookKaufSubmit(deps),
    },
    confirmPaypalEvents: deps.confirmPaypalEvents,
  });
}
