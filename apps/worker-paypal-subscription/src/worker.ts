import { defineWorker } from '@campus/queues';
import type { PaypalSubscriptionDeps } from './deps.js';
import { handleFakturiaContractActivated } from './handlers/fakturia-contract-activated.js';

/** The paypal-subscription domain: one PayPal subscription per activated PayPal contract. */
export function createPaypalSubscriptionWorker(deps: PaypalSubscriptionDeps) {
  return defineWorker({
    queue: 'paypal-subscription',
    events: {
      'fakturia.CONTRACT_ACTIVATED': handleFakturiaContractActivated(deps),
    },
  });
}
