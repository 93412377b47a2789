export { SOURCES, isSource } from '@campus/sources';
export type { Source } from '@campus/sources';
export { FAKTURIA_EVENTS, fakturiaEventKey } from './senders/fakturia.js';
export type { FakturiaEventType } from './senders/fakturia.js';
export { PLENIGO_EVENTS, plenigoEventKey } from './senders/plenigo.js';
export type { PlenigoEventType } from './senders/plenigo.js';
export { PAYPAL_EVENTS, paypalEventKey, isMoneyMovingPaypalEvent } from './senders/paypal.js';
export type { PaypalConfirmation, PaypalEventType } from './senders/paypal.js';
export { CAMPUS_EVENTS, SYNCHRONOUS_EVENT, campusEventKey } from './senders/campus.js';
export type { CampusEventType } from './senders/campus.js';
export { SCHEMAS, validateAgainst, compileSchema, toDetails } from './schemas.js';
export type { SchemaName, ValidationDetail } from './schemas.js';
export { canonicalJson, sha256Hex } from './canonical.js';
export { validateEvent } from './validate.js';
export { ingest } from './ingest.js';
export type { IngestMeta, IngestResult } from './ingest.js';
export type { InboundEvent, EventValidation, ValidationContext } from './inbound-event.js';
export { ROUTES, DOMAIN_QUEUES, QUARANTINE_QUEUE, routeEvent, jobNameOf } from './routing.js';
export type { DomainQueue, JobNameOf } from './routing.js';
export {
  KEPT_HEADERS,
  keptHeaders,
  toEventJob,
  encodeQuarantinedBody,
  decodeQuarantinedBody,
} from './job.js';
export type { EventJobData, QuarantineJobData } from './job.js';
export type {
  FakturiaEnvelope,
  FakturiaAddress,
  FakturiaCustomer,
  FakturiaLineItem,
  FakturiaInvoice,
  FakturiaInvoiceCorrection,
  FakturiaContract,
  FakturiaOrderCustomer,
  FakturiaPayloads,
  PlenigoCallback,
  PlenigoCustomer,
  PlenigoAddress,
  PlenigoInvoice,
  PlenigoInvoiceItem,
  PlenigoFailedPayment,
  PaypalEvent,
  PaypalSale,
  PaypalSaleReturn,
  PaypalSubscriptionResource,
  CampusEnvelope,
  B2bAngebotForm,
  EbookKaufForm,
  MagicCodeRequestForm,
  MagicCodeVerifyForm,
  AngebotAngenommen,
  ZertifikatAusstellen,
} from './payloads.js';
export type { RoutedEventBodies, RoutedJobName } from './event-bodies.js';
