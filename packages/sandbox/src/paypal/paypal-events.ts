/**
 * The events the stand-in sent, served back as PayPal serves them, for the
 * confirmation a worker makes before it acts on a money-moving event:
 * `GET /v1/notifications/webhooks-events/{event_id}` (notifications_webhooks_v1.json,
 * operation `webhooks-events.get`, answers the `event`) and
 * `GET /v1/payments/sale/{sale_id}` (payments_payment_v1.json, operation
 * `sale.get`, answers the `sale`), both 404 RESOURCE_NOT_FOUND for an unknown id
 * (PayPal's error shape, as paypal-state.ts's paypalError).
 */
import type { Request, RequestHandler, Response } from 'express';
import { paypalError, type PaypalState } from './paypal-state.js';

/** An event PayPal sent (or, in a test, one PayPal is said to have sent). */
export interface StoredEvent {
  id: string;
  event_type?: string;
  resource_type?: string;
  resource?: Record<string, unknown>;
  [field: string]: unknown;
}

/** Keeps an event by its id, and its sale when the resource is one. */
export function rememberEvent(state: PaypalState, event: unknown): void {
  if (typeof event !== 'object' || event === null) return;
  const stored = event as StoredEvent;
  if (typeof stored.id !== 'string') return;
  state.events.set(stored.id, stored);
  const resource = stored.resource;
  if (stored.resource_type === 'sale' && resource && typeof resource.id === 'string') {
    state.sales.set(resource.id, resource);
  }
}

const notFound = (res: Response) =>
  res.status(404).json(paypalError('RESOURCE_NOT_FOUND', 'The specified resource does not exist.'));

export function showEvent(state: PaypalState): RequestHandler {
  return (req: Request, res: Response) => {
    const event = state.events.get(String(req.params.id));
    if (event) res.json(event);
    else notFound(res);
  };
}

export function showSale(state: PaypalState): RequestHandler {
  return (req: Request, res: Response) => {
    const sale = state.sales.get(String(req.params.id));
    if (sale) res.json(sale);
    else notFound(res);
  };
}
