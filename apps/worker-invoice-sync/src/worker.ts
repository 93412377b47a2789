import { createLexofficeClient, type LexofficeClientOptions } from '@campus/clients';
import type { Product } from '@campus/config';
import {
  createCustomerDirectory,
  createInvoiceLedger,
  createSubscriptionLinks,
} from '@campus/customer-directory';
import { defineWorker, type JobContext } from '@campus/queues';
import type { Redis } from 'ioredis';
import { ebookVoucher } from './ebook-voucher.js';
import { fakturiaCorrectionVoucher, fakturiaInvoiceVoucher } from './fakturia-vouchers.js';
import { createInFlightMarkers } from './in-flight-markers.js';
import { createLexofficeRateGate } from './lexoffice-rate-gate.js';
import { recordFakturiaPayment, recordPaypalPayment } from './payments.js';
import { plenigoVoucher } from './plenigo-vouchers.js';
import { syncVoucher } from './sync-voucher.js';
import type { MappedVoucher } from './voucher-draft.js';

export interface InvoiceSyncDeps {
  /** For the customer directory, the invoice ledger, subscription links and in-flight markers. */
  redis: Redis;
  prefix: string;
  lexoffice: Pick<LexofficeClientOptions, 'apiUrl' | 'apiKey' | 'timeoutMs'>;
  /** Lexoffice's limit for the whole account (LEXOFFICE_REQUESTS_PER_SECOND). */
  requestsPerSecond: number;
  products: Readonly<Record<string, Product>>;
  /** How long an in-flight marker outlives a job that never finished: as long as failed jobs are kept. */
  markerTtlSeconds: number;
  now?: () => number;
}

/**
 * The invoice-sync domain: vouchers at Lexoffice for invoices, corrections,
 * cancellations and website purchases; payments into the invoice ledger.
 */
export function createInvoiceSyncWorker(deps: InvoiceSyncDeps) {
  const directory = createCustomerDirectory(deps.redis, deps.prefix);
  const ledger = createInvoiceLedger(deps.redis, deps.prefix);
  const links = createSubscriptionLinks(deps.redis, deps.prefix);
  const markers = createInFlightMarkers(deps.redis, deps.prefix, deps.markerTtlSeconds);
  const lexoffice = createLexofficeClient({
    ...deps.lexoffice,
    beforeRequest: createLexofficeRateGate(deps.redis, deps.prefix, {
      requestsPerSecond: deps.requestsPerSecond,
    }),
  });
  const sync = (mapped: MappedVoucher, ctx: JobContext) =>
    syncVoucher(mapped, { lexoffice, markers, now: deps.now }, ctx);

  return defineWorker({
    queue: 'invoice-sync',
    // Queue-wide in Redis: jobs started per second across every process. Each
    // job makes one Lexoffice call (a retry after a lost answer may search
    // first); the rate gate holds each request itself to the account's limit.
    limiter: { max: deps.requestsPerSecond, duration: 1_000 },
    events: {
      'fakturia.INVOICE_CREATED': async (event, ctx) =>
        sync(await fakturiaInvoiceVoucher(event.payload.invoice, directory), ctx),
      'fakturia.INVOICECORRECTION_CREATED': async (event, ctx) =>
        sync(await fakturiaCorrectionVoucher(event.payload.invoicecorrection, directory), ctx),
      'fakturia.INVOICE_PAYMENT_RECEIVED': (event, ctx) =>
        recordFakturiaPayment(event.payload, ledger, ctx),
      'plenigo.INVOICE/CREATION': (event, ctx) => sync(plenigoVoucher(event, 'invoice'), ctx),
      'plenigo.INVOICE_CORRECTION/CREATION': (event, ctx) =>
        sync(plenigoVoucher(event, 'correction'), ctx),
      'plenigo.INVOICE_CANCELLATION/CREATION': (event, ctx) =>
        sync(plenigoVoucher(event, 'cancellation'), ctx),
      'paypal.PAYMENT.SALE.COMPLETED': (event, ctx) =>
        recordPaypalPayment(event, ledger, links, ctx),
      'campus.form.ebook.kauf.submit': (event, ctx) =>
        sync(ebookVoucher(event.data, deps.products, ctx), ctx),
    },
  });
}
