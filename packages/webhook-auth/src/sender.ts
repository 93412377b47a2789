import { randomUUID } from 'node:crypto';
import type { Source } from '@campus/sources';
import { paypalSignedString, signPaypal } from './paypal.js';
import { signPlenigo, signStandardWebhook } from './hmac.js';

export interface SenderCredentials {
  fakturiaToken?: string;
  plenigoSecret?: string;
  campusSecret?: string;
  paypal?: { webhookId: string; privateKeyPem: string; certUrl: string };
}

/**
 * The headers each real sender would put on a body: for tests, the benchmark,
 * the sandbox's webhook simulator and `npm run send`.
 */
export function senderHeaders(
  source: Source,
  rawBody: string,
  credentials: SenderCredentials,
  options: { nowMs?: number; webhookId?: string } = {},
): Record<string, string> {
  const nowMs = options.nowMs ?? Date.now();
  const seconds = Math.floor(nowMs / 1000);
  const json = { 'content-type': 'application/json' };
  switch (source) {
    case 'fakturia':
      return {
        ...json,
        authorization: `Bearer ${need(credentials.fakturiaToken, 'fakturiaToken')}`,
      };
    case 'plenigo':
      return {
        ...json,
        'plenigo-signature': signPlenigo(
          need(credentials.plenigoSecret, 'plenigoSecret'),
          rawBody,
          seconds,
        ),
      };
    case 'campus': {
      const id = options.webhookId ?? `msg_${randomUUID().replaceAll('-', '')}`;
      return {
        ...json,
        'webhook-id': id,
        'webhook-timestamp': String(seconds),
        'webhook-signature': signStandardWebhook(
          need(credentials.campusSecret, 'campusSecret'),
          id,
          seconds,
          rawBody,
        ),
      };
    }
    case 'paypal': {
      const paypal = need(credentials.paypal, 'paypal');
      const transmissionId = randomUUID();
      const transmissionTime = new Date(nowMs).toISOString();
      return {
        ...json,
        'paypal-transmission-id': transmissionId,
        'paypal-transmission-time': transmissionTime,
        'paypal-cert-url': paypal.certUrl,
        'paypal-auth-algo': 'SHA256withRSA',
        'paypal-transmission-sig': signPaypal(
          paypal.privateKeyPem,
          paypalSignedString(transmissionId, transmissionTime, paypal.webhookId, rawBody),
        ),
      };
    }
  }
}

function need<T>(value: T | undefined, name: string): T {
  if (value === undefined)
    throw new Error(`senderHeaders: credentials.${name} is needed for this source`);
  return value;
}
