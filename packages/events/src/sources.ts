/**
 * The senders and the events each one documents. Fakturia's types and their
 * payload attributes are those of seeds/fakturia-webhooks.txt; plenigo's
 * entityType/callbackType pairs those of seeds/frisbii-media-callbacks.txt.
 */
export { SOURCES, isSource } from '@campus/sources';
export type { Source } from '@campus/sources';

type AttributeType = 'object' | 'number' | 'string';

/** Each Fakturia event type with the payload attributes it carries. */
export const FAKTURIA_EVENTS = {
  CUSTOMER_CREATED: { customer: 'object' },
  CUSTOMER_CHANGED: { customer: 'object' },
  CUSTOMER_DELETED: { customer: 'object' },
  CUSTOMER_CHANGEREQUEST_CREATED: { changeCustomer: 'object' },
  ITEM_CREATED: { item: 'object' },
  ITEM_CHANGED: { item: 'object' },
  ITEM_DELETED: { item: 'object' },
  CONTRACT_CREATED: { contract: 'object' },
  CONTRACT_ACTIVATED: { contract: 'object' },
  CONTRACT_CHANGED: { contract: 'object' },
  CONTRACT_TERMINATED: { contract: 'object' },
  CONTRACT_ENDED: { contract: 'object' },
  INVOICE_CREATED: { invoice: 'object' },
  INVOICE_PAYMENT_RECEIVED: { invoice: 'object', payDate: 'string', payAmount: 'number' },
  INVOICECORRECTION_CREATED: { invoicecorrection: 'object' },
  DUNNING_CREATED: { invoice: 'object', dunningLevel: 'number' },
  ORDER_RECEIVED: { orderCustomer: 'object' },
  ORDER_PROCESSED: { orderCustomer: 'object', customer: 'object' },
  ORDER_CANCELLED: { orderCustomer: 'object' },
  TESTHOOK: { dummyData: 'object' },
} as const satisfies Record<string, Record<string, AttributeType>>;
export type FakturiaEventType = keyof typeof FAKTURIA_EVENTS;

/** plenigo's entityType/callbackType pairs with the entity each one sends (null: none). */
export const PLENIGO_EVENTS = {
  'APP_STORE_ORDER/CREATION': 'AppStoreOrder',
  'APP_STORE_SUBSCRIPTION/CHANGE': 'AppStoreSubscription',
  'APP_STORE_SUBSCRIPTION/CREATION': 'AppStoreSubscription',
  'CUSTOMER/CHANGE': 'Customer',
  'CUSTOMER/CREATION': 'Customer',
  'CUSTOMER/DELETION': null,
  'CUSTOMER_OPT_IN/CHANGE': 'OptIns',
  'FAILED_PAYMENT/PAYMENT_FAILED': 'FailedPaymentNotification',
  'INVOICE/CHANGE': 'Invoice',
  'INVOICE/CREATION': 'Invoice',
  'INVOICE_CANCELLATION/CREATION': 'Invoice',
  'INVOICE_CORRECTION/CREATION': 'Invoice',
  'MULTIUSER_SUBSCRIPTION/CANCELLATION': 'MultiuserSubscription',
  'MULTIUSER_SUBSCRIPTION/CREATION': 'MultiuserSubscription',
  'MULTIUSER_SUBSCRIPTION/UNDO_CANCELLATION': 'MultiuserSubscription',
  'ORDER/CREATION': 'Order',
  'PURCHASED_ADDON/CONDITIONS_FULFILLED': 'PurchasedAddon',
  'SUBSCRIPTION/CANCELLATION': 'Subscription',
  'SUBSCRIPTION/CHANGE': 'Subscription',
  'SUBSCRIPTION/CREATION': 'Subscription',
  'SUBSCRIPTION/ENDED': 'Subscription',
  'SUBSCRIPTION/UNDO_CANCELLATION': 'Subscription',
} as const satisfies Record<string, string | null>;
export type PlenigoEventType = keyof typeof PLENIGO_EVENTS;

/** PayPal event types with a schema of their own; others are accepted and routed nowhere. */
export const PAYPAL_EVENTS = ['PAYMENT.SALE.COMPLETED', 'PAYMENT.SALE.DENIED'] as const;
export type PaypalEventType = (typeof PAYPAL_EVENTS)[number];

/** The website's events: the four forms of the seed schemas and our two `campus.*` events. */
export const CAMPUS_EVENTS = [
  'form.b2b.angebot.submit',
  'form.ebook.kauf.submit',
  'form.login.magic_code.request',
  'form.login.magic_code.verify',
  'campus.angebot.angenommen',
  'campus.zertifikat.ausstellen',
] as const;
export type CampusEventType = (typeof CAMPUS_EVENTS)[number];

/** The one event answered synchronously by the receiver instead of queued. */
export const SYNCHRONOUS_EVENT = 'form.login.magic_code.verify';
