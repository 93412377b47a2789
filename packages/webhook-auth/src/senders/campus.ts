/**
 * The Campus website: Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`, secret
 * `whsec_…`, 5 min tolerance). Its envelope and events are
 * packages/events/src/senders/campus.ts.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { safeEqual } from '../compare.js';
import { need, type SenderCredentials, type SigningOptions } from '../credentials.js';
import { header, type Headers } from '../headers.js';
import { DEFAULT_TOLERANCE_SECONDS, withinTolerance } from '../tolerance.js';

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

/** A website request, with the secret the receiver is configured with (unset: refused). */
export function verifyCampusRequest(
  secret: string | undefined,
  headers: Headers,
  rawBody: string | Buffer,
  nowSeconds: number,
): boolean {
  const signed = {
    id: header(headers, 'webhook-id'),
    timestamp: header(headers, 'webhook-timestamp'),
    signature: header(headers, 'webhook-signature'),
  };
  return !!secret && verifyStandardWebhook(secret, signed, rawBody, nowSeconds);
}

/** The headers the website would send with this body. */
export function campusHeaders(
  rawBody: string,
  credentials: SenderCredentials,
  { nowMs, webhookId }: SigningOptions,
): Record<string, string> {
  const seconds = Math.floor(nowMs / 1000);
  const id = webhookId ?? `msg_${randomUUID().replaceAll('-', '')}`;
  return {
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
