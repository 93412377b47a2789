import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

export const paypal = {
  apiUrl: {
    env: 'PAYPAL_API_URL',
    type: 'string',
    format: 'uri',
    requiredInProduction: true,
    sandboxDefault: 'http://127.0.0.1:4010/paypal',
    description: 'PayPal REST base URL (`https://api-m.paypal.com` live).',
  },
  clientId: {
    env: 'PAYPAL_CLIENT_ID',
    type: 'string',
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.PAYPAL_CLIENT_ID,
    description: 'PayPal app client id (OAuth2 client credentials).',
  },
  clientSecret: {
    env: 'PAYPAL_CLIENT_SECRET',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.PAYPAL_CLIENT_SECRET,
    description: 'PayPal app secret.',
  },
  confirmEvents: {
    env: 'PAYPAL_CONFIRM_EVENTS',
    type: 'string',
    enum: ['true', 'false'],
    default: 'true',
    description:
      "Whether a worker confirms a money-moving PayPal event (PAYMENT.SALE.*, BILLING.SUBSCRIPTION.PAYMENT.*) with PayPal's API (`GET /v1/notifications/webhooks-events/{id}`) before acting on it; a mismatch goes to quarantine. Turn it off only where the API cannot be reached.",
  },
} as const satisfies GroupSpec;
