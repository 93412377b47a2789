export {
  UpstreamError,
  UpstreamRejectedError,
  UpstreamRateLimitError,
  errorForStatus,
  parseRetryAfter,
} from './errors.js';
export { createPaypalClient } from './paypal.js';
export type { PaypalClient, PaypalClientOptions, PaypalWebhookVerification } from './paypal.js';
