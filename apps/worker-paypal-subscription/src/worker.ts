import { defineWorker } from '@campus/queues';
import { activatePaypalSubscription, type PaypalSubscriptionDeps } from './contract-activated.js';

export type { PaypalSubscriptionDeps } from './contract-activated.js';

/** The paypal-subscription domain: one PayPal subscription per activated PayPal contract. */
export function createPaypalSubscriptionWorker(deps: PaypalSubscriptionDeps) {
  return defineWorker({
    queue: 'paypal-subscription',
    events: {
      'fakturia.CONTRACT_ACTIVATED': (event, ctx) => activatePaypalSubscription(event, ctx, deps),
    },
  });
}
