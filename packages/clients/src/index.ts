export {
  UpstreamError,
  UpstreamRejectedError,
  UpstreamRateLimitError,
  errorForStatus,
  parseRetryAfter,
} from './errors.js';
export { createPaypalClient } from './paypal.js';
export type {
  PaypalClient,
  PaypalClientOptions,
  PaypalSale,
  PaypalWebhookEvent,
  PaypalWebhookVerification,
} from './paypal.js';
export { comparePaypalEvents, confirmPaypalEvent } from './paypal-confirm.js';
export type { PaypalConfirmation } from './paypal-confirm.js';
export { createSubscription } from './paypal-subscriptions.js';
export type {
  CreatedPaypalSubscription,
  PaypalSubscriptionRequest,
} from './paypal-subscriptions.js';
export { createProsonataClient } from './prosonata.js';
export type { ProsonataClient, ProsonataClientOptions } from './prosonata.js';
export type {
  ProsonataAddress,
  ProsonataAddressFields,
  ProsonataAddressFilters,
  ProsonataAddressPage,
  ProsonataAddressResult,
  ProsonataListOptions,
} from './prosonata-address.js';
export { createProsonataQuota } from './prosonata-quota.js';
export type {
  ProsonataQuota,
  ProsonataQuotaOptions,
  QuotaRedis,
  QuotaTicket,
} from './prosonata-quota.js';
export { createLexofficeClient } from './lexoffice.js';
export type {
  LexofficeClient,
  LexofficeClientOptions,
  LexofficeVoucher,
  LexofficeVoucherType,
  LexofficeAddress,
  LexofficeLineItem,
  CreatedVoucher,
  VoucherListEntry,
  FindVoucherQuery,
} from './lexoffice.js';
export { createFakturiaClient } from './fakturia.js';
export type { FakturiaClient, FakturiaClientOptions, FakturiaCustomerPage } from './fakturia.js';
export { FakturiaAnswerFormatError } from './fakturia-document.js';
export type { FakturiaDocument } from './fakturia-document.js';
