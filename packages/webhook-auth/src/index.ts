export { safeEqual } from './compare.js';
export { verifyFakturiaToken } from './fakturia.js';
export {
  signPlenigo,
  verifyPlenigo,
  signStandardWebhook,
  verifyStandardWebhook,
  verifyBasicAuth,
  DEFAULT_TOLERANCE_SECONDS,
} from './hmac.js';
export type { StandardWebhookHeaders } from './hmac.js';
export {
  readPaypalTransmission,
  paypalSignedString,
  signPaypal,
  verifyPaypalSignature,
  isAllowedCertUrl,
} from './paypal.js';
export type { PaypalTransmission } from './paypal.js';
export { senderHeaders } from './sender.js';
export type { SenderCredentials } from './sender.js';
