import { createLexofficeClient, type LexofficeClientOptions } from '@campus/clients';
import type { Product } from '@campus/config';
import {
  createCustomerDirectory,
  createInvoiceLedger,
  createPaypalPayments,
  createSubscriptionLinks,
  type CustomerDirectory,
  type InvoiceLedger,
  type PaypalPayments,
  type SubscriptionLinks,
} from '@campus/customer-directory';
import type { Redis } from 'ioredis';
import { createInFlightMarkers } from './in-flight-markers.js';
import { createLexofficeRateGate } from './lexoffice-rate-gate.js';
import type { VoucherSyncDeps } from './sync-voucher.js';

/** The invoice-sync domain's services; every handler takes them. */
export interface InvoiceSyncDeps extends VoucherSyncDeps {
  /** Customers' names for Fakturia invoices, written by order-to-customer. */
  directory: CustomerDirectory;
  /** Paid invoices, read by dunning-mail. */
  ledger: InvoiceLedger;
  /** PayPal sales by contract and what went back of them, read by dunning-mail. */
  paypalPayments: PaypalPayments;
  /** PayPal subscription → Fakturia contract, written by paypal-subscription. */
  links: SubscriptionLinks;
  products: Readonly<Record<string, Product>>;
  /** Lexoffice's limit for the whole account (LEXOFFICE_REQUESTS_PER_SECOND); also the queue's limiter. */
  requestsPerSecond: number;
}

export interface InvoiceSyncSettings {
  lexoffice: Pick<LexofficeClientOptions, 'apiUrl' | 'apiKey' | 'timeoutMs'>;
  requestsPerSecond: number;
  products: Readonly<Record<string, Product>>;
  /** How long an in-flight marker outlives a job that never finished: as long as failed jobs are kept. */
  markerTtlSeconds: number;
}

/**
 * The services on one Redis connection (directory, ledger, links, in-flight
 * markers, the account-wide Lexoffice rate gate) and a Lexoffice client held
 * to that gate: main.ts and the tests wire the domain alike.
 */
export function createInvoiceSyncDeps(
  redis: Redis,
  prefix: string,
  settings: InvoiceSyncSettings,
): InvoiceSyncDeps {
  return {
    lexoffice: createLexofficeClient({
      ...settings.lexoffice,
      beforeRequest: createLexofficeRateGate(redis, prefix, {
        requestsPerSecond: settings.requestsPerSecond,
      }),
    }),
    markers: createInFlightMarkers(redis, prefix, settings.markerTtlSeconds),
    directory: createCustomerDirectory(redis, prefix),
    ledger: createInvoiceLedger(redis, prefix),
    paypalPayments: createPaypalPayments(redis, prefix),
    links: createSubscriptionLinks(redis, prefix),
    products: settings.products,
    requestsPerSecond: settings.requestsPerSecond,
  };
}
