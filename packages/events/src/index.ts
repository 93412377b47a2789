export {
  SOURCES,
  isSource,
  FAKTURIA_EVENTS,
  PLENIGO_EVENTS,
  PAYPAL_EVENTS,
  CAMPUS_EVENTS,
  SYNCHRONOUS_EVENT,
} from './sources.js';
export type {
  Source,
  FakturiaEventType,
  PlenigoEventType,
  PaypalEventType,
  CampusEventType,
} from './sources.js';
export { SCHEMAS, validateAgainst, compileSchema, toDetails } from './schemas.js';
export type { SchemaName, ValidationDetail } from './schemas.js';
export { canonicalJson, sha256Hex } from './canonical.js';
export { fakturiaEventKey, plenigoEventKey, paypalEventKey, campusEventKey } from './event-key.js';
export { validateEvent } from './validate.js';
export type { InboundEvent, EventValidation } from './validate.js';
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
  CampusEnvelope,
  B2bAngebotForm,
  EbookKaufForm,
  MagicCodeRequestForm,
  MagicCodeVerifyForm,
  AngebotAngenommen,
  ZertifikatAusstellen,
} from './payloads.js';
export type { RoutedEventBodies, RoutedJobName } from './event-bodies.js';
