import type { IncomingHttpHeaders } from 'node:http';
import type { ReceiverConfig } from '@campus/config';
import type { Source } from '@campus/events';
import {
  verifyCampusRequest,
  verifyFakturiaToken,
  verifyPlenigoRequest,
} from '@campus/webhook-auth';
import type { AuthResult, PaypalVerifier } from './paypal-verifier.js';

export interface AuthContext {
  config: ReceiverConfig;
  /** Absent while PayPal is not an enabled source. */
  paypal: PaypalVerifier | undefined;
  /** Current time in ms; tests pass a clock. */
  now: () => number;
}

interface SignedRequest {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  rawBody: Buffer;
}

type Authenticator = (request: SignedRequest, ctx: AuthContext) => Promise<AuthResult>;

const verdict = (ok: boolean): AuthResult => (ok ? 'ok' : 'unauthorized');
const seconds = (ctx: AuthContext) => Math.floor(ctx.now() / 1000);

/**
 * Each sender's scheme, as DESIGN.md's table says, from
 * packages/webhook-auth/src/senders/<source>.ts (PayPal's certificate handling
 * is ./paypal-verifier.ts); every comparison is timing-safe.
 */
const AUTHENTICATORS: Record<Source, Authenticator> = {
  fakturia: async ({ query }, { config }) =>
    verdict(verifyFakturiaToken(config.fakturiaToken, query)),
  plenigo: async ({ headers, rawBody }, ctx) =>
    verdict(
      verifyPlenigoRequest(
        {
          secrets: ctx.config.plenigoSecrets ?? [],
          basicAuth: ctx.config.plenigoBasicAuth,
          window: { maxAgeSeconds: ctx.config.plenigoToleranceSeconds, maxAheadSeconds: 300 },
        },
        headers,
        rawBody,
        seconds(ctx),
      ),
    ),
  paypal: async ({ headers, rawBody }, { paypal }) =>
    paypal ? paypal.verify(headers, rawBody) : 'unauthorized',
  campus: async ({ headers, rawBody }, ctx) =>
    verdict(verifyCampusRequest(ctx.config.campusSecret, headers, rawBody, seconds(ctx))),
};

export function authenticate(
  source: Source,
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  rawBody: Buffer,
  ctx: AuthContext,
): Promise<AuthResult> {
  return AUTHENTICATORS[source]({ headers, query, rawBody }, ctx);
}
