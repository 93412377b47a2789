import { createHmac } from 'node:crypto';
import { safeEqual } from './compare.js';

export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

function withinTolerance(timestamp: number, nowSeconds: number, tolerance: number): boolean {
  return Number.isSafeInteger(timestamp) && Math.abs(nowSeconds - timestamp) <= tolerance;
}

/** `plenigo-signature: t=<unix>,s=<hex>`: HMAC-SHA256 over `t + "." + rawBody`. */
export function signPlenigo(
  secret: string,
  rawBody: string | Buffer,
  timestampSeconds: number,
): string {
  const s = createHmac('sha256', secret)
    .update(`${timestampSeconds}.`)
    .update(rawBody)
    .digest('hex');
  return `t=${timestampSeconds},s=${s}`;
}

/** Accepts any of several `s=` values (secret rotation); the timestamp must be within the tolerance. */
export function verifyPlenigo(
  secret: string,
  header: string | undefined,
  rawBody: string | Buffer,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 's') signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || !withinTolerance(timestamp, nowSeconds, toleranceSeconds))
    return false;
  const expected = createHmac('sha256', secret)
    .update(`${timestamp}.`)
    .update(rawBody)
    .digest('hex');
  let ok = false;
  for (const s of signatures) ok = safeEqual(s, expected) || ok;
  return ok;
}

function standardWebhooksKey(secret: string): Buffer {
  return Buffer.from(
    secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret,
    'base64',
  );
}

/** Standard Webhooks: `v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the `whsec_` key. */
export function signStandardWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  rawBody: string | Buffer,
): string {
  const mac = createHmac('sha256', standardWebhooksKey(secret))
    .update(`${id}.${timestampSeconds}.`)
    .update(rawBody)
    .digest('base64');
  return `v1,${mac}`;
}

export interface StandardWebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

/** Verifies `webhook-id`, `webhook-timestamp` (5 min tolerance) and any `v1,` entry of `webhook-signature`. */
export function verifyStandardWebhook(
  secret: string,
  headers: StandardWebhookHeaders,
  rawBody: string | Buffer,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const ts = Number(timestamp);
  if (!withinTolerance(ts, nowSeconds, toleranceSeconds)) return false;
  const expected = signStandardWebhook(secret, id, ts, rawBody).slice('v1,'.length);
  let ok = false;
  for (const entry of signature.split(' ')) {
    const [version, value = ''] = entry.split(',', 2);
    if (version === 'v1') ok = safeEqual(value, expected) || ok;
  }
  return ok;
}

/** Basic auth `user:password` against an expected pair, timing-safe. */
export function verifyBasicAuth(expected: string, authorization: string | undefined): boolean {
  if (!authorization?.toLowerCase().startsWith('basic ')) return false;
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
  return safeEqual(decoded, expected);
}
