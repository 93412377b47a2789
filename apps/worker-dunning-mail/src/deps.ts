import type {
  CustomerDirectory,
  CustomerResolver,
  InvoiceLedger,
  SubscriptionLinks,
} from '@campus/customer-directory';
import type { MailSender } from '@campus/mailer';
import type { PaypalEventConfirmer } from '@campus/queues';

/** The dunning-mail domain's services, built in main.ts; every handler takes them. */
export interface DunningMailDeps extends MailSender {
  /** Customers' addresses and names, written by order-to-customer. */
  directory: CustomerDirectory;
  /** A Fakturia customer the directory lacks, fetched from Fakturia and written to the directory. */
  customers: CustomerResolver;
  /** Paid invoices, written by invoice-sync: no Mahnung for them. */
  ledger: InvoiceLedger;
  /** PayPal subscription → Fakturia contract and customer, written by paypal-subscription. */
  subscriptions: SubscriptionLinks;
  /** Asks PayPal for its copy of a PayPal payment event before a notice goes out (issue #9). */
  confirmPaypalEvents: PaypalEventConfirmer;
}
