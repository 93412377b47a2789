import type { GroupSpec } from './define.js';

/** worker-dunning-mail: which PayPal payment holds back which Mahnung. */
export const dunning = {
  paypalLeadDays: {
    env: 'DUNNING_PAYPAL_LEAD_DAYS',
    type: 'integer',
    minimum: 0,
    default: '7',
    description:
      "How many days before a Fakturia invoice's date a PayPal payment of its contract may have been made and still count for that invoice (PayPal charges the subscription on its own schedule, Fakturia invoices on its; neither documents how the two line up). An older payment paid something else: it holds back no Mahnung.",
  },
} as const satisfies GroupSpec;
