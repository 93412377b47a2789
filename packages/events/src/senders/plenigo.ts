/**
 * plenigo (Frisbii Media): envelope, callback catalog, event key and
 * validation. The entityType/callbackType pairs are those of
 * seeds/frisbii-media-callbacks.txt; its authentication is
 * packages/webhook-auth/src/senders/plenigo.ts.
 */
import { canonicalJson, sha256Hex } from '../canonical.js';
import {
  catalogEntry,
  checkEnvelope,
  invalid,
  keyPart,
  type EventValidation,
  type SenderValidation,
} from '../inbound-event.js';
import { canonicalMembers } from '../json-text.js';

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

/** `{entityType, callbackType, entityId, entity, version?}`. */
const PLENIGO_ENVELOPE = {
  type: 'object',
  required: ['entityType', 'callbackType', 'entityId', 'entity'],
  properties: {
    entityType: { type: 'string', minLength: 1, maxLength: 100 },
    callbackType: { type: 'string', minLength: 1, maxLength: 100 },
    entityId: { type: ['string', 'integer'] },
    entity: { type: ['object', 'null'] },
    version: { type: 'string' },
  },
} as const;

/** plenigo: entityType, callbackType, entityId and the entity. */
export function plenigoEventKey(
  entityType: string,
  callbackType: string,
  entityId: string | number,
  entity: unknown,
): string {
  return `plenigo.${sha256Hex(canonicalJson([entityType, callbackType, String(entityId), entity]))}`;
}

export const validatePlenigo: SenderValidation = (
  body,
  { sourceText, eventKey },
): EventValidation => {
  const envelope = checkEnvelope('plenigo', PLENIGO_ENVELOPE, body);
  if (envelope.length > 0) return invalid(envelope);
  const eventType = `${body.entityType as string}/${body.callbackType as string}`;
  const entity = catalogEntry<string | null>(PLENIGO_EVENTS, eventType);
  const known = entity !== undefined;
  if (known && entity !== null && body.entity === null) {
    return invalid([{ path: '/entity', message: `must be an object for ${eventType}` }]);
  }
  const key = () => {
    const members = sourceText === undefined ? undefined : canonicalMembers(sourceText);
    // A numeric entityId counts as the digits sent (beyond 2^53 JSON.parse would round it).
    const entityId =
      typeof body.entityId === 'number'
        ? (members?.get('entityId') ?? body.entityId)
        : (body.entityId as string);
    return plenigoEventKey(
      body.entityType as string,
      body.callbackType as string,
      entityId,
      keyPart(members, 'entity', body.entity),
    );
  };
  return {
    ok: true,
    event: {
      source: 'plenigo',
      eventType,
      known,
      eventKey: eventKey ?? key(),
      senderRetryCount: null,
      body,
    },
  };
};
