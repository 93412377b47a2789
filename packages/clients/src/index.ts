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
export { comparePaypalEvents, confirmPaypalEvent, paypalEventConfirmer } from './paypal-confirm.js';
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
export { createLexofficeClient } from './lexoffice/lexoffice-client.js';
export type { LexofficeClient, LexofficeClientOptions } from './lexoffice/lexoffice-client.js';
export { LexofficeRequestError } from './lexoffice/lexoffice-contract.js';
export type {
  CreatedVoucher,
  LexofficeAddress,
  LexofficeLineItem,
  LexofficeVoucher,
  LexofficeVoucherType,
} from './lexoffice/lexoffice-contract.js';
export { BOOKKEEPING_TYPES, bookkeepingVoucherOf } from './lexoffice/bookkeeping-voucher.js';
export type {
  BookkeepingVoucher,
  BookkeepingVoucherItem,
  BookkeepingVoucherType,
  VoucherBooking,
} from './lexoffice/bookkeeping-voucher.js';
export { salesDocumentRequest } from './lexoffice/sales-document-request.js';
export type { SalesDocumentRequest } from './lexoffice/sales-document-request.js';
export { berlinDay, lexofficeDateTime } from './lexoffice/lexoffice-dates.js';
export { MAX_VOUCHER_FILE_BYTES } from './lexoffice/voucher-methods.js';
export type {
  BookkeepingVoucherRecord,
  FindVoucherByNumberQuery,
  VoucherFile,
  VoucherListEntry,
} from './lexoffice/voucher-methods.js';
export type { DownloadedFile, LexofficeCallOptions } from './lexoffice/lexoffice-http.js';
export type { FindInvoiceQuery } from './lexoffice/invoice-search.js';
export type { LexofficeInvoiceRecord } from './lexoffice/invoice-methods.js';
export { createFakturiaClient } from './fakturia.js';
export type { FakturiaClient, FakturiaClientOptions, FakturiaCustomerPage } from './fakturia.js';
export { FakturiaAnswerFormatError } from './fakturia-document.js';
export type { FakturiaDocument } from './fakturia-document.js';
