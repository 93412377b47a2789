import { UpstreamRateLimitError, UpstreamRejectedError } from '@campus/clients';
import type { createProducerConnection } from '@campus/queues';
import { RequestIdExpiredError } from './errors.js';

/**
 * How long PayPal remembers a `PayPal-Request-Id`: "The server stores keys for
 * 72 hours." (paypal/paypal-rest-api-specifications,
 * openapi/billing_subscriptions_v1.json, components.parameters.paypal_request_id).
 */
export const PAYPAL_REQUEST_ID_MS = 72 * 60 * 60 * 1000;

type Redis = ReturnType<typeof createProducerConnection>;

// Longer than any job lives (failed jobs are kept 30 days by default).
const RECORD_TTL_SECONDS = 90 * 24 * 60 * 60;

export interface RequestIdWindowOptions {
  /** Key prefix shared with the other domains. */
  prefix: string;
  /** The clock (tests move it). */
  now?: () => number;
}

/**
 * Guards a create call that PayPal de-duplicates by `PayPal-Request-Id` for
 * 72 hours only. The time of the first attempt is recorded before the call;
 * an attempt more than 72 hours later whose earlier outcome is unknown (the
 * caller's `ctx.once` recorded none: a timeout, a crash, a 5xx) is not sent,
 * because PayPal no longer knows the id and would create a second
 * subscription. It fails for an operator instead, and the record is dropped,
 * so that the operator's retry after checking PayPal starts afresh. An answer
 * by which PayPal refused the request (4xx, 429) created nothing: the record
 * is dropped too.
 */
export function createRequestIdWindow(redis: Redis, options: RequestIdWindowOptions) {
  const now = options.now ?? Date.now;
  const key = (requestId: string) => `${options.prefix}:paypal:first-attempt:${requestId}`;

  return {
    async guard<T>(requestId: string, contractNumber: string, call: () => Promise<T>): Promise<T> {
      const at = now();
      await redis.set(key(requestId), String(at), 'EX', RECORD_TTL_SECONDS, 'NX');
      const first = Number(await redis.get(key(requestId)));
      if (Number.isFinite(first) && at - first > PAYPAL_REQUEST_ID_MS) {
        await redis.del(key(requestId));
        throw new RequestIdExpiredError(contractNumber, requestId, new Date(first).toISOString());
      }
      try {
        return await call();
      } catch (error) {
        if (error instanceof UpstreamRejectedError || error instanceof UpstreamRateLimitError) {
          await redis.del(key(requestId));
        }
        throw error;
      }
    },
  };
}

export type RequestIdWindow = ReturnType<typeof createRequestIdWindow>;
