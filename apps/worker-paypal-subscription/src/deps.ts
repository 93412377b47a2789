import type { PaypalClient } from '@campus/clients';
import type { CustomerDirectory, SubscriptionLinks } from '@campus/customer-directory';
import type { MailSender } from '@campus/mailer';

/** The paypal-subscription domain's services, built in main.ts; every handler takes them. */
export interface PaypalSubscriptionDeps extends MailSender {
  paypal: PaypalClient;
  /** Customers' addresses and names, written by order-to-customer. */
  directory: CustomerDirectory;
  /** PayPal subscription → Fakturia contract and customer, read by invoice-sync and dunning-mail. */
  links: SubscriptionLinks;
  /** PAYPAL_PLAN_MAP: Fakturia item number → PayPal plan id. */
  plans: Readonly<Record<string, string>>;
  /** CAMPUS_BASE_URL: where PayPal sends the customer back after approving or cancelling. */
  siteUrl: string | undefined;
}
