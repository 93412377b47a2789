import {
  createLexofficeClient,
  type FakturiaClient,
  type LexofficeClientOptions,
} from '@campus/clients';
import { parseDurationMs, type Config, type Product } from '@campus/config';
import {
  createCustomerResolver,
  createCustomerDirectory,
  createInvoiceLedger,
  createPaypalPayments,
  createSubscriptionLinks,
  type CustomerResolver,
  type CustomerDirectory,
  type InvoiceLedger,
  type PaypalPayments,
  type SubscriptionLinks,
} from '@campus/customer-directory';
import type { MailSender } from '@campus/mailer';
import type { PaypalEventConfirmer, RedisClient } from '@campus/queues';
import type { BookingDeps } from './book-voucher.js';
import { createInFlightMarkers } from './in-flight-markers.js';
import type { AttachDeps } from './invoice-document.js';
import { createLexofficeRateGate } from './lexoffice-rate-gate.js';
import type { EbookDeps } from './sell-ebook.js';

/** The invoice-sync domain's services; every handler takes them. */
export interface InvoiceSyncDeps extends BookingDeps, AttachDeps, EbookDeps {
  /** Customers' names for Fakturia invoices: the directory, filled from Fakturia on a miss. */
  customers: CustomerResolver;
  /** Paid invoices, read by dunning-mail. */
  ledger: InvoiceLedger;
  /** PayPal sales by contract and what went back of them, read by dunning-mail. */
  paypalPayments: PaypalPayments;
  /** PayPal subscription → Fakturia contract, written by paypal-subscription. */
  links: SubscriptionLinks;
  products: Readonly<Record<string, Product>>;
  /** Lexoffice's limit for the whole account (LEXOFFICE_REQUESTS_PER_SECOND); also the queue's limiter. */
  requestsPerSecond: number;
  /** Asks PayPal for its copy of a PayPal payment event before it is recorded (issue #9). */
  confirmPaypalEvents: PaypalEventConfirmer;
}

export interface InvoiceSyncSettings {
  lexoffice: Pick<LexofficeClientOptions, 'apiUrl' | 'apiKey' | 'timeoutMs'>;
  requestsPerSecond: number;
  revenueCategoryId: string;
  products: Readonly<Record<string, Product>>;
  /** How long an in-flight marker outlives a job that never finished: as long as failed jobs are kept. */
  markerTtlSeconds: number;
  downloads: EbookDeps['downloads'];
}

/** What main.ts (and a test) builds outside Redis. */
export interface InvoiceSyncServices {
  /** A customer the directory lacks, and the invoice PDF for the voucher. */
  fakturia: Pick<FakturiaClient, 'getCustomer' | 'getInvoiceDocument'>;
  mail: MailSender;
  /** `paypalEventConfirmer(paypal, PAYPAL_CONFIRM_EVENTS)` from @campus/clients. */
  confirmPaypalEvents: PaypalEventConfirmer;
}

// Lexoffice answers in well under a second; past this the call is retried
// (and the retry first looks for what the call may have created).
const LEXOFFICE_TIMEOUT_MS = 20_000;
const DAY_SECONDS = 24 * 60 * 60;

/** The settings from the app's config groups (`timeoutMs`: a test's shorter Lexoffice timeout). */
export function invoiceSyncSettings(
  config: Config<'lexoffice' | 'catalog' | 'downloads' | 'queues'>,
  { timeoutMs = LEXOFFICE_TIMEOUT_MS }: { timeoutMs?: number } = {},
): InvoiceSyncSettings {
  return {
    lexoffice: { apiUrl: config.lexoffice.apiUrl, apiKey: config.lexoffice.apiKey, timeoutMs },
    requestsPerSecond: config.lexoffice.requestsPerSecond,
    revenueCategoryId: config.lexoffice.revenueCategoryId,
    products: config.catalog.products,
    markerTtlSeconds: config.queues.keepFailedDays * DAY_SECONDS,
    downloads: {
      linkSecret: config.downloads.linkSecret,
      linkTtlMs: parseDurationMs(config.downloads.linkTtl),
    },
  };
}

/**
 * The services on one Redis connection (directory and its Fakturia resolver,
 * ledger, links, in-flight markers, the account-wide Lexoffice rate gate), a
 * Lexoffice client held to that gate, and the services passed in: main.ts and
 * the tests wire the domain alike.
 */
export function createInvoiceSyncDeps(
  redis: RedisClient,
  prefix: string,
  settings: InvoiceSyncSettings,
  services: InvoiceSyncServices,
): InvoiceSyncDeps {
  const directory: CustomerDirectory = createCustomerDirectory(redis, prefix);
  return {
    lexoffice: createLexofficeClient({
      ...settings.lexoffice,
      beforeRequest: createLexofficeRateGate(redis, prefix, {
        requestsPerSecond: settings.requestsPerSecond,
      }),
    }),
    markers: createInFlightMarkers(redis, prefix, settings.markerTtlSeconds),
    revenueCategoryId: settings.revenueCategoryId,
    customers: createCustomerResolver({
      directory,
      fetchFakturiaCustomer: services.fakturia.getCustomer,
    }),
    invoiceDocuments: { fetch: services.fakturia.getInvoiceDocument },
    mail: services.mail,
    downloads: settings.downloads,
    ledger: createInvoiceLedger(redis, prefix),
    paypalPayments: createPaypalPayments(redis, prefix),
    links: createSubscriptionLinks(redis, prefix),
    products: settings.products,
    requestsPerSecond: settings.requestsPerSecond,
    confirmPaypalEvents: services.confirmPaypalEvents,
  };
}
