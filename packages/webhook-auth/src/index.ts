export { safeEqual } from './compare.js';
export { verifyBasicAuth } from './basic-auth.js';
export { DEFAULT_TOLERANCE_SECONDS } from './tolerance.js';
export { verifyFakturiaToken } from './senders/fakturia.js';
export {
  signPlenigo,
  verifyPlenigo,
  verifyPlenigoRequest,
  STRICT_PLENIGO_WINDOW,
} from './senders/plenigo.js';
export type { PlenigoAuth, PlenigoWindow } from './senders/plenigo.js';
export {
  readPaypalTransmission,
  paypalSignedString,
  signPaypal,
  verifyPaypalSignature,
  isAllowedCertUrl,
  parseTransmissionTime,
} from './senders/paypal.js';
export { checkPaypalCertificate, parsePemCertificates } from './senders/paypal-certificate.js';
export type { PaypalCertificateVerdict } from './senders/paypal-certificate.js';
export type { PaypalTransmission } from './senders/paypal.js';
export {
  signStandardWebhook,
  verifyStandardWebhook,
  verifyCampusRequest,
} from './senders/campus.js';
export type { StandardWebhookHeaders } from './senders/campus.js';
export { senderHeaders, senderQuery } from './sender.js';
export type { SenderCredentials } from './credentials.js';
