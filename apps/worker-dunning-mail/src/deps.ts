import type {
  CustomerDirectory,
  CustomerResolver,
  InvoiceLedger,
  PaypalPayments,
  SubscriptionLinks,
} from '@campus/customer-directory';
import type { MailSender } from '@campus/mailer';
import type { PaypalEventConfirmer } from '@campus/queues';
import type { PaypalCover } from './paypal-cover.js';

/** The dunning-mail domain's services, built in main.ts; every handler takes them. */
export interface DunningMailDeps extends MailSender {
  /** Customers' addresses and names, written by order-to-customer. */
  directory: CustomerDirectory;
  /** A Fakturia customer the directory lacks, fetched from Fakturia and written to the directory. */
  customers: CustomerResolver;
  /** Paid invoices, written by invoice-sync: no Mahnung for them. */
  ledger: InvoiceLedger;
  /** PayPal sales by contract and what went back of them, written by invoice-sync. */
  paypalPayments: PaypalPayments;
  /** Which PayPal payment holds back which Mahnung, and the letters held. */
  paypalCover: PaypalCover;
  /** PayPal subscription → Fakturia contract and customer, written by paypal-subscription. */
  subscriptions: SubscriptionLinks;
  /** Asks PayPal for its copy of a PayPal payment event before a notice goes out (issue #9). */
  confirmPaypalEvents: PaypalEventConfirmer;
}
