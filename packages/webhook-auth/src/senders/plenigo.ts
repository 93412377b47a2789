/**
 * plenigo (Frisbii Media): `plenigo-signature: t=<unix>,s=<hex>`, HMAC-SHA256
 * over `t + "." + rawBody` with the callback's secret, or Basic auth instead.
 * Its envelope and catalog are packages/events/src/senders/plenigo.ts.
 */
import { createHmac } from 'node:crypto';
import { verifyBasicAuth } from '../basic-auth.js';
import { safeEqual } from '../compare.js';
import { need, type SenderCredentials, type SigningOptions } from '../credentials.js';
import { header, type Headers } from '../headers.js';
import { DEFAULT_TOLERANCE_SECONDS, withinTolerance } from '../tolerance.js';

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

/** What the receiver is configured with for plenigo; unset means that way is closed. */
export interface PlenigoAuth {
  secret: string | undefined;
  /** `user:password` plenigo may send as Basic auth instead of a signature. */
  basicAuth: string | undefined;
}

/** A plenigo request: its signature when it sends one, else its Basic auth. */
export function verifyPlenigoRequest(
  auth: PlenigoAuth,
  headers: Headers,
  rawBody: string | Buffer,
  nowSeconds: number,
): boolean {
  const signature = header(headers, 'plenigo-signature');
  if (signature !== undefined) {
    return !!auth.secret && verifyPlenigo(auth.secret, signature, rawBody, nowSeconds);
  }
  return !!auth.basicAuth && verifyBasicAuth(auth.basicAuth, header(headers, 'authorization'));
}

/** The headers plenigo would send with this body. */
export function plenigoHeaders(
  rawBody: string,
  credentials: SenderCredentials,
  { nowMs }: SigningOptions,
): Record<string, string> {
  const secret = need(credentials.plenigoSecret, 'plenigoSecret');
  return { 'plenigo-signature': signPlenigo(secret, rawBody, Math.floor(nowMs / 1000)) };
}
