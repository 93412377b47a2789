import type { IncomingHttpHeaders } from 'node:http';
import type { ReceiverConfig } from '@campus/config';
import type { Source } from '@campus/events';
import {
  verifyBasicAuth,
  verifyFakturiaToken,
  verifyPlenigo,
  verifyStandardWebhook,
} from '@campus/webhook-auth';
import type { AuthResult, PaypalVerifier } from './paypal-verifier.js';

export interface AuthContext {
  config: ReceiverConfig;
  /** Absent while PayPal is not an enabled source. */
  paypal: PaypalVerifier | undefined;
  /** Current time in ms; tests pass a clock. */
  now: () => number;
}

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Each sender's scheme, exactly as DESIGN.md's table says; every comparison is timing-safe. */
export async function authenticate(
  source: Source,
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  rawBody: Buffer,
  ctx: AuthContext,
): Promise<AuthResult> {
  const { config } = ctx;
  const nowSeconds = Math.floor(ctx.now() / 1000);
  switch (source) {
    case 'fakturia':
      return config.fakturiaToken && verifyFakturiaToken(config.fakturiaToken, headers, query)
        ? 'ok'
        : 'unauthorized';
    case 'plenigo': {
      const signature = header(headers, 'plenigo-signature');
      if (signature !== undefined) {
        return config.plenigoSecret &&
          verifyPlenigo(config.plenigoSecret, signature, rawBody, nowSeconds)
          ? 'ok'
          : 'unauthorized';
      }
      return config.plenigoBasicAuth &&
        verifyBasicAuth(config.plenigoBasicAuth, header(headers, 'authorization'))
        ? 'ok'
        : 'unauthorized';
    }
    case 'paypal':
      return ctx.paypal ? ctx.paypal.verify(headers, rawBody) : 'unauthorized';
    case 'campus': {
      const signed = {
        id: header(headers, 'webhook-id'),
        timestamp: header(headers, 'webhook-timestamp'),
        signature: header(headers, 'webhook-signature'),
      };
      return config.campusSecret &&
        verifyStandardWebhook(config.campusSecret, signed, rawBody, nowSeconds)
        ? 'ok'
        : 'unauthorized';
    }
  }
}
