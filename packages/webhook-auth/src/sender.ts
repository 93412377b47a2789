import type { Source } from '@campus/sources';
import type { SenderCredentials, SigningOptions } from './credentials.js';
import { campusHeaders } from './senders/campus.js';
import { fakturiaHeaders, fakturiaQuery } from './senders/fakturia.js';
import { paypalHeaders } from './senders/paypal.js';
import { plenigoHeaders } from './senders/plenigo.js';

type SignAs = (
  rawBody: string,
  credentials: SenderCredentials,
  options: SigningOptions,
) => Record<string, string>;

/** Each sender's signing, in senders/<source>.ts; a new source without one does not compile. */
const SIGNERS: Record<Source, SignAs> = {
  fakturia: fakturiaHeaders,
  plenigo: plenigoHeaders,
  paypal: paypalHeaders,
  campus: campusHeaders,
};

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
  const json = { 'content-type': 'application/json' };
  // Tests also post to sources that do not exist: those get no signature.
  if (!Object.hasOwn(SIGNERS, source)) return json;
  const signing = { ...options, nowMs: options.nowMs ?? Date.now() };
  return { ...json, ...SIGNERS[source](rawBody, credentials, signing) };
}

/**
 * The query string a sender's webhook URL carries (`?token=…` for Fakturia,
 * whose only credential is in the URL; empty for the others): append it to
 * `/webhooks/<source>`.
 */
export function senderQuery(source: Source, credentials: SenderCredentials): string {
  return source === 'fakturia' ? fakturiaQuery(credentials) : '';
}
