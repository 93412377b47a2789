import type {
  CustomerDirectory,
  InvoiceLedger,
  SubscriptionLinks,
} from '@campus/customer-directory';
import type { MailSender } from '@campus/mailer';

/** The dunning-mail domain's services, built in main.ts; every handler takes them. */
export interface DunningMailDeps extends MailSender {
  /** Customers' addresses and names, written by order-to-customer. */
  directory: CustomerDirectory;
  /** Paid invoices, written by invoice-sync: no Mahnung for them. */
  ledger: InvoiceLedger;
  /** PayPal subscription → Fakturia contract and customer, written by paypal-subscription. */
  subscriptions: SubscriptionLinks;
}
