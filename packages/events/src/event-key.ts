import { canonicalJson, sha256Hex } from './canonical.js';

/**
 * Event keys identify one event across redeliveries. They double as BullMQ
 * job ids, so they never contain ':' (BullMQ reserves it).
 */

/** Fakturia: eventType, triggerDate and the payload; retryCount is deliberately left out. */
export function fakturiaEventKey(eventType: string, triggerDate: string, payload: unknown): string {
  return `fakturia.${sha256Hex(canonicalJson([eventType, triggerDate, payload]))}`;
}

/** plenigo: entityType, callbackType, entityId and the entity. */
export function plenigoEventKey(
  entityType: string,
  callbackType: string,
  entityId: string | number,
  entity: unknown,
): string {
  return `plenigo.${sha256Hex(canonicalJson([entityType, callbackType, String(entityId), entity]))}`;
}

/** PayPal: the event id. */
export function paypalEventKey(id: string): string {
  return `paypal.${id}`;
}

/** Campus website: the Standard Webhooks `webhook-id`. */
export function campusEventKey(webhookId: string): string {
  return `campus.${webhookId}`;
}

/** Sender-chosen ids that become part of a key must be short and plain. */
export const SENDER_ID_PATTERN = '^[A-Za-z0-9._-]{1,128}$';
