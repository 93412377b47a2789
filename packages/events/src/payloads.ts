/**
 * Types of the payloads the workers read. Fakturia's field names inside
 * invoice, contract, orderCustomer and invoicecorrection are assumed (its
 * schema pages were not available): every field is optional, and workers
 * must say clearly which one is missing instead of crashing.
 */

export interface FakturiaEnvelope<P> {
  eventType: string;
  triggerDate: string;
  retryCount?: number;
  payload: P;
}

export interface FakturiaAddress {
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressLine3?: string | null;
  zipCode?: string | null;
  cityName?: string | null;
  state?: string | null;
  country?: string | null;
}

export interface FakturiaCustomer {
  customerNumber?: string;
  salutation?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
  email?: string | null;
  emailInvoice?: string | null;
  locale?: string | null;
  billingAddress?: FakturiaAddress | null;
  postalAddress?: FakturiaAddress | null;
  paymentMethod?: string | null;
  euTaxId?: string | null;
}

export interface FakturiaLineItem {
  itemNumber?: string;
  description?: string;
  quantity?: number;
  unitPrice?: number;
  taxRate?: number;
  amountNet?: number;
}

export interface FakturiaInvoice {
  invoiceNumber?: string;
  customerNumber?: string;
  contractNumber?: string;
  invoiceDate?: string;
  dueDate?: string;
  currency?: string;
  amountNet?: number;
  amountGross?: number;
  amountOpen?: number;
  status?: string;
  paymentMethod?: string;
  email?: string | null;
  billingAddress?: FakturiaAddress | null;
  items?: FakturiaLineItem[];
}

export interface FakturiaInvoiceCorrection {
  invoiceCorrectionNumber?: string;
  invoiceNumber?: string;
  customerNumber?: string;
  invoiceCorrectionDate?: string;
  currency?: string;
  amountNet?: number;
  amountGross?: number;
  billingAddress?: FakturiaAddress | null;
  items?: FakturiaLineItem[];
}

export interface FakturiaContract {
  contractNumber?: string;
  customerNumber?: string;
  status?: string;
  startDate?: string;
  endDate?: string | null;
  paymentMethod?: string;
  items?: FakturiaLineItem[];
}

export interface FakturiaOrderCustomer {
  orderNumber?: string;
  orderDate?: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
  billingAddress?: FakturiaAddress | null;
  items?: FakturiaLineItem[];
}

export interface FakturiaPayloads {
  CUSTOMER_CREATED: { customer: FakturiaCustomer };
  CUSTOMER_CHANGED: { customer: FakturiaCustomer };
  CUSTOMER_DELETED: { customer: FakturiaCustomer };
  ORDER_PROCESSED: { orderCustomer: FakturiaOrderCustomer; customer: FakturiaCustomer };
  INVOICE_CREATED: { invoice: FakturiaInvoice };
  INVOICE_PAYMENT_RECEIVED: { invoice: FakturiaInvoice; payDate: string; payAmount: number };
  INVOICECORRECTION_CREATED: { invoicecorrection: FakturiaInvoiceCorrection };
  DUNNING_CREATED: { invoice: FakturiaInvoice; dunningLevel: number };
  CONTRACT_ACTIVATED: { contract: FakturiaContract };
}

export interface PlenigoCallback<E> {
  entityType: string;
  callbackType: string;
  entityId: string | number;
  entity: E;
  version?: string;
}

export interface PlenigoCustomer {
  customerId?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  salutation?: string;
  language?: string;
  status?: string;
}

export interface PlenigoAddress {
  businessAddress?: boolean;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  street?: string;
  streetNumber?: string;
  postcode?: string;
  postbox?: string;
  city?: string;
  country?: string;
}

export interface PlenigoInvoiceItem {
  title?: string;
  quantity?: number;
  price?: number;
  tax?: number;
  position?: number;
}

export interface PlenigoInvoice {
  invoiceId?: number;
  invoiceCustomerId?: string;
  invoiceDate?: string;
  currency?: string;
  customerEmail?: string;
  accumulatedPrice?: number;
  invoiceAddress?: PlenigoAddress;
  items?: PlenigoInvoiceItem[];
  status?: string;
  type?: string;
  cancellationInvoiceId?: number;
}

export interface PlenigoFailedPayment {
  customerId?: string;
  customerEmail?: string;
  subscriptionId?: number;
  invoiceId?: number;
  amount?: number;
  currency?: string;
  paymentMethod?: string;
  failureReason?: string;
  failedDate?: string;
}

export interface PaypalEvent<R> {
  id: string;
  event_type: string;
  create_time?: string;
  resource_type?: string;
  summary?: string;
  resource: R;
}

export interface PaypalSale {
  id: string;
  state?: string;
  amount?: { total: string; currency: string };
  billing_agreement_id?: string;
  custom?: string;
  create_time?: string;
}

/**
 * The resource of PAYMENT.SALE.REFUNDED (a refund) and PAYMENT.SALE.REVERSED
 * (a chargeback or other reversal). PayPal's samples give the amount
 * negative; a refund names its sale in `sale_id`, the reversal sample only
 * carries the sale's id as `id`.
 */
export interface PaypalSaleReturn {
  id: string;
  sale_id?: string;
  parent_payment?: string;
  state?: string;
  amount: { total: string; currency: string };
  create_time?: string;
}

/** The resource of BILLING.SUBSCRIPTION.PAYMENT.FAILED: the billing subscription. */
export interface PaypalSubscriptionResource {
  id: string;
  status?: string;
  plan_id?: string;
  /** Our reference when we created it: the Fakturia contract number. */
  custom_id?: string;
  billing_info?: {
    failed_payments_count?: number;
    last_failed_payment?: {
      amount?: { currency_code?: string; value?: string };
      time?: string;
      reason_code?: string;
    };
  };
}

export interface CampusEnvelope<D> {
  event: string;
  data: D;
}

export interface B2bAngebotForm {
  laufzeit_monate: number;
  firma: { name: string; strasse: string; plz: string; ort: string; ust_id?: string };
  ansprechpartner: { vorname: string; nachname: string; email: string; telefon?: string };
  teilnehmer_anzahl?: number;
  produkt_slug?: string;
}

export interface EbookKaufForm {
  produkt_slug: string;
  kaeufer: {
    email: string;
    vorname?: string;
    nachname?: string;
    rechnungsadresse: { strasse?: string; plz?: string; ort?: string; land?: string };
  };
}

export interface MagicCodeRequestForm {
  email: string;
}

export interface MagicCodeVerifyForm {
  email: string;
  code: string;
}

export interface AngebotAngenommen {
  angebot_id: string;
  angenommen_am?: string;
}

export interface ZertifikatAusstellen {
  teilnehmer: { vorname: string; nachname: string; email: string };
  produkt_name: string;
  abschluss_datum: string;
}
