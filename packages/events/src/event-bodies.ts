import type {
  AngebotAngenommen,
  B2bAngebotForm,
  CampusEnvelope,
  EbookKaufForm,
  FakturiaEnvelope,
  FakturiaPayloads,
  MagicCodeRequestForm,
  PaypalEvent,
  PaypalSale,
  PaypalSubscriptionResource,
  PaypalSaleReturn,
  PlenigoCallback,
  PlenigoCustomer,
  PlenigoFailedPayment,
  PlenigoInvoice,
  ZertifikatAusstellen,
} from './payloads.js';
import type { DomainQueue, JobNameOf } from './routing.js';

type Fakturia<K extends keyof FakturiaPayloads> = FakturiaEnvelope<FakturiaPayloads[K]>;

/** The body a handler receives for each routed job name (already validated by the runtime). */
export interface RoutedEventBodies {
  'fakturia.CUSTOMER_CREATED': Fakturia<'CUSTOMER_CREATED'>;
  'fakturia.CUSTOMER_CHANGED': Fakturia<'CUSTOMER_CHANGED'>;
  'fakturia.CUSTOMER_DELETED': Fakturia<'CUSTOMER_DELETED'>;
  'fakturia.ORDER_PROCESSED': Fakturia<'ORDER_PROCESSED'>;
  'fakturia.INVOICE_CREATED': Fakturia<'INVOICE_CREATED'>;
  'fakturia.INVOICECORRECTION_CREATED': Fakturia<'INVOICECORRECTION_CREATED'>;
  'fakturia.INVOICE_PAYMENT_RECEIVED': Fakturia<'INVOICE_PAYMENT_RECEIVED'>;
  'fakturia.DUNNING_CREATED': Fakturia<'DUNNING_CREATED'>;
  'fakturia.CONTRACT_ACTIVATED': Fakturia<'CONTRACT_ACTIVATED'>;
  'plenigo.CUSTOMER/CREATION': PlenigoCallback<PlenigoCustomer>;
  'plenigo.CUSTOMER/CHANGE': PlenigoCallback<PlenigoCustomer>;
  'plenigo.CUSTOMER/DELETION': PlenigoCallback<null>;
  'plenigo.ORDER/CREATION': PlenigoCallback<Record<string, unknown>>;
  'plenigo.INVOICE/CREATION': PlenigoCallback<PlenigoInvoice>;
  'plenigo.INVOICE_CORRECTION/CREATION': PlenigoCallback<PlenigoInvoice>;
  'plenigo.INVOICE_CANCELLATION/CREATION': PlenigoCallback<PlenigoInvoice>;
  'plenigo.FAILED_PAYMENT/PAYMENT_FAILED': PlenigoCallback<PlenigoFailedPayment>;
  'paypal.PAYMENT.SALE.COMPLETED': PaypalEvent<PaypalSale>;
  'paypal.PAYMENT.SALE.DENIED': PaypalEvent<PaypalSale>;
  'paypal.BILLING.SUBSCRIPTION.PAYMENT.FAILED': PaypalEvent<PaypalSubscriptionResource>;
  'paypal.PAYMENT.SALE.REFUNDED': PaypalEvent<PaypalSaleReturn>;
  'paypal.PAYMENT.SALE.REVERSED': PaypalEvent<PaypalSaleReturn>;
  'campus.form.b2b.angebot.submit': CampusEnvelope<B2bAngebotForm>;
  'campus.campus.angebot.angenommen': CampusEnvelope<AngebotAngenommen>;
  'campus.form.ebook.kauf.submit': CampusEnvelope<EbookKaufForm>;
  'campus.form.login.magic_code.request': CampusEnvelope<MagicCodeRequestForm>;
  'campus.campus.zertifikat.ausstellen': CampusEnvelope<ZertifikatAusstellen>;
}

/** Every routed job name, from the routing table. */
export type RoutedJobName = JobNameOf<DomainQueue>;

// Compile-time check: the map above covers exactly the routed job names.
type Missing = Exclude<RoutedJobName, keyof RoutedEventBodies>;
type Extra = Exclude<keyof RoutedEventBodies, RoutedJobName>;
const coversRoutes: [Missing, Extra] extends [never, never]
  ? true
  : { missing: Missing; extra: Extra } = true;
void coversRoutes;
