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
import { DEFAULT_TOLERANCE_SECONDS } from '../tolerance.js';

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

/** How old and how far ahead a `t=` may be, in seconds. */
export interface PlenigoWindow {
  maxAgeSeconds: number;
  maxAheadSeconds: number;
}

/** plenigo's own advice (5 minutes either way); the receiver widens the age for retries. */
export const STRICT_PLENIGO_WINDOW: PlenigoWindow = {
  maxAgeSeconds: DEFAULT_TOLERANCE_SECONDS,
  maxAheadSeconds: DEFAULT_TOLERANCE_SECONDS,
};

/**
 * Accepts the header when one of its `s=` values (plenigo may send several) is
 * the HMAC of `t.rawBody` under one of `secrets` (plenigo makes one secret per
 * callback), and `t` lies within the window. Every pair is compared, timing-safe,
 * so the time taken does not tell which secret or signature matched.
 */
export function verifyPlenigo(
  secrets: string | readonly string[],
  header: string | undefined,
  rawBody: string | Buffer,
  nowSeconds: number,
  window: PlenigoWindow = STRICT_PLENIGO_WINDOW,
): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 's') signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  if (
    nowSeconds - timestamp > window.maxAgeSeconds ||
    timestamp - nowSeconds > window.maxAheadSeconds
  )
    return false;
  let ok = false;
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const expected = createHmac('sha256', secret)
      .update(`${timestamp}.`)
      .update(rawBody)
      .digest('hex');
    for (const s of signatures) ok = safeEqual(s, expected) || ok;
  }
  return ok;
}

/** What the receiver is configured with for plenigo; empty or unset means that way is closed. */
export interface PlenigoAuth {
  /** One secret per plenigo callback; any of them authenticates. */
  secrets: readonly string[];
  /** `user:password` plenigo may send as Basic auth instead of a signature. */
  basicAuth: string | undefined;
  window?: PlenigoWindow;
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
    return (
      auth.secrets.length > 0 &&
      verifyPlenigo(auth.secrets, signature, rawBody, nowSeconds, auth.window)
    );
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
