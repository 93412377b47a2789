import type { PaypalClient } from '@campus/clients';
import type {
  CustomerDirectory,
  CustomerResolver,
  SubscriptionLinks,
} from '@campus/customer-directory';
import type { MailSender } from '@campus/mailer';
import type { RequestIdWindow } from './request-id-window.js';

/** The paypal-subscription domain's services, built in main.ts; every handler takes them. */
export interface PaypalSubscriptionDeps extends MailSender {
  paypal: PaypalClient;
  /** Customers' addresses and names, written by order-to-customer. */
  directory: CustomerDirectory;
  /** A Fakturia customer the directory lacks (or whose record lacks the payment method), from Fakturia. */
  customers: CustomerResolver;
  /** PayPal subscription → Fakturia contract and customer, read by invoice-sync and dunning-mail. */
  links: SubscriptionLinks;
  /** PayPal's 72 hours of PayPal-Request-Id, kept track of per event key. */
  requestIds: RequestIdWindow;
  /** PAYPAL_PLAN_MAP: Fakturia item number → PayPal plan id. */
  plans: Readonly<Record<string, string>>;
  /** CAMPUS_BASE_URL: where PayPal sends the customer back after approving or cancelling. */
  siteUrl: string | undefined;
}
