/**
 * PayPal: the transmission signature (`PAYPAL-TRANSMISSION-ID/-TIME/-SIG/
 * -CERT-URL/-AUTH-ALGO`; signed string `id|time|webhookId|crc32(body)`,
 * SHA256withRSA). Fetching and caching the certificate, and the
 * verify-webhook-signature API, are the receiver's (apps/receiver/src/paypal-verifier.ts).
 * Its envelope and events are packages/events/src/senders/paypal.ts.
 */
import { createSign, createVerify, randomUUID, X509Certificate } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { need, type SenderCredentials, type SigningOptions } from '../credentials.js';
import type { Headers } from '../headers.js';

/** The transmission headers PayPal signs a webhook with. */
export interface PaypalTransmission {
  transmissionId: string;
  transmissionTime: string;
  certUrl: string;
  authAlgo: string;
  transmissionSig: string;
}

export function readPaypalTransmission(headers: Headers): PaypalTransmission | undefined {
  const get = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const transmissionId = get('paypal-transmission-id');
  const transmissionTime = get('paypal-transmission-time');
  const certUrl = get('paypal-cert-url');
  const authAlgo = get('paypal-auth-algo');
  const transmissionSig = get('paypal-transmission-sig');
  if (!transmissionId || !transmissionTime || !certUrl || !authAlgo || !transmissionSig)
    return undefined;
  return { transmissionId, transmissionTime, certUrl, authAlgo, transmissionSig };
}

/** `transmissionId|transmissionTime|webhookId|crc32(body)`, the string PayPal signs. */
export function paypalSignedString(
  transmissionId: string,
  transmissionTime: string,
  webhookId: string,
  rawBody: string | Buffer,
): string {
  return `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(rawBody) >>> 0}`;
}

/** Signs like PayPal (SHA256withRSA): for the sandbox's webhook simulator and tests. */
export function signPaypal(privateKeyPem: string, signedString: string): string {
  return createSign('sha256').update(signedString).sign(privateKeyPem, 'base64');
}

/**
 * Verifies a transmission signature with the certificate PayPal named (PEM, or
 * parsed once and cached by the caller), checking its validity dates.
 */
export function verifyPaypalSignature(
  certificateOrPem: X509Certificate | string,
  transmission: PaypalTransmission,
  webhookId: string,
  rawBody: string | Buffer,
  now: Date,
): boolean {
  if (transmission.authAlgo !== 'SHA256withRSA') return false;
  let certificate: X509Certificate;
  try {
    certificate =
      typeof certificateOrPem === 'string'
        ? new X509Certificate(certificateOrPem)
        : certificateOrPem;
  } catch {
    return false;
  }
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) return false;
  const signed = paypalSignedString(
    transmission.transmissionId,
    transmission.transmissionTime,
    webhookId,
    rawBody,
  );
  try {
    return createVerify('sha256')
      .update(signed)
      .verify(certificate.publicKey, transmission.transmissionSig, 'base64');
  } catch {
    return false;
  }
}

/**
 * Whether a certificate URL starts with one of the allowed prefixes
 * (`https://api-m.paypal.com/v1/notifications/certs/`), compared on the parsed
 * and normalised URL, so `..`, user info and other tricks do not slip past.
 */
export function isAllowedCertUrl(certUrl: string, allowedPrefixes: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(certUrl);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  return allowedPrefixes.some((prefix) => url.href.startsWith(prefix));
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * PAYPAL-TRANSMISSION-TIME (`2016-02-18T20:01:35Z`, RFC 3339 per PayPal's
 * notifications_webhooks_v1.json) in ms since the epoch; undefined when it is
 * not such a time.
 */
export function parseTransmissionTime(text: string): number | undefined {
  if (!RFC3339.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The headers PayPal would send with this body, signed with the test's own key. */
export function paypalHeaders(
  rawBody: string,
  credentials: SenderCredentials,
  { nowMs }: SigningOptions,
): Record<string, string> {
  const paypal = need(credentials.paypal, 'paypal');
  const transmissionId = randomUUID();
  const transmissionTime = new Date(nowMs).toISOString();
  return {
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
