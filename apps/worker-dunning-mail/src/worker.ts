import type {
  CustomerDirectory,
  InvoiceLedger,
  SubscriptionLinks,
} from '@campus/customer-directory';
import type { Mailer } from '@campus/mailer';
import { defineWorker } from '@campus/queues';
import { createDunningLetterHandler } from './dunning-letter.js';
import { createPaypalSaleDeniedHandler } from './paypal-sale-denied.js';
import { createPlenigoPaymentFailedHandler } from './plenigo-payment-failed.js';

export interface DunningMailDeps {
  mailer: Mailer;
  /** MAIL_FROM: the domain of the derived Message-IDs. */
  from: string;
  directory: CustomerDirectory;
  ledger: InvoiceLedger;
  subscriptions: SubscriptionLinks;
}

/** The dunning-mail queue: Mahnungen and payment-failed notices. */
export function createDunningMailWorker(deps: DunningMailDeps) {
  return defineWorker({
    queue: 'dunning-mail',
    events: {
      'fakturia.DUNNING_CREATED': createDunningLetterHandler(deps),
      'paypal.PAYMENT.SALE.DENIED': createPaypalSaleDeniedHandler(deps),
      'plenigo.FAILED_PAYMENT/PAYMENT_FAILED': createPlenigoPaymentFailedHandler(deps),
    },
  });
}
