import type { Clock } from '../clock.js';
import { createUpstreamParts, traceId, type UpstreamState } from '../http/upstream.js';
import type { PaypalCertificate } from './certificate.js';

export interface PaypalOptions {
  /** Lifetime of an access token (PayPal: 32400 s, 9 hours). */
  tokenLifetimeSeconds?: number;
}

export interface AccessToken {
  clientId: string;
  expiresAt: number;
}

export interface Subscription {
  id: string;
  status: 'APPROVAL_PENDING' | 'ACTIVE' | 'CANCELLED';
  status_update_time: string;
  plan_id: string;
  plan_overridden: boolean;
  start_time: string;
  quantity: string;
  subscriber?: unknown;
  custom_id?: string;
  create_time: string;
  links: { href: string; rel: string; method: string }[];
}

/** A response replayed for a repeated `PayPal-Request-Id`. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface PaypalState extends UpstreamState {
  readonly certificate: PaypalCertificate;
  readonly tokens: Map<string, AccessToken>;
  readonly subscriptions: Map<string, Subscription>;
  readonly responsesByRequestId: Map<string, StoredResponse>;
  /** Events sent (by the simulator or a test), by id: `GET /v1/notifications/webhooks-events/{id}`. */
  readonly events: Map<string, { id: string; [field: string]: unknown }>;
  /** Sales of those events, by sale id: `GET /v1/payments/sale/{id}`. */
  readonly sales: Map<string, Record<string, unknown>>;
  tokenLifetimeSeconds: number;
}

/** PayPal's error body. */
export function paypalError(
  name: string,
  message: string,
  details?: unknown[],
): Record<string, unknown> {
  return { name, message, debug_id: traceId(), ...(details ? { details } : {}) };
}

export function createPaypalState(
  clock: Clock,
  certificate: PaypalCertificate,
  options: PaypalOptions = {},
): PaypalState {
  const lifetime = options.tokenLifetimeSeconds ?? 32400;
  const parts = createUpstreamParts(clock, () =>
    paypalError('INTERNAL_SERVER_ERROR', 'An internal server error has occurred.'),
  );
  const state: PaypalState = {
    ...parts,
    certificate,
    tokens: new Map(),
    subscriptions: new Map(),
    responsesByRequestId: new Map(),
    events: new Map(),
    sales: new Map(),
    tokenLifetimeSeconds: lifetime,
    reset() {
      parts.requests.clear();
      parts.faults.reset();
      state.tokens.clear();
      state.subscriptions.clear();
      state.responsesByRequestId.clear();
      state.events.clear();
      state.sales.clear();
      state.tokenLifetimeSeconds = lifetime;
    },
  };
  return state;
}
