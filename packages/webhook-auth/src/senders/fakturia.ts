/**
 * Fakturia: a shared token. Its envelope and catalog are
 * packages/events/src/senders/fakturia.ts.
 */
import { safeEqual } from '../compare.js';
import { need, type SenderCredentials } from '../credentials.js';
import type { Headers } from '../headers.js';

/**
 * Fakturia's own scheme is undocumented, so the shared token is accepted from
 * every place a sender can put it: `Authorization: Bearer`, the password of
 * Basic auth, `X-Webhook-Token`, or `?token=` in the URL. Without a configured
 * token nothing is accepted.
 */
export function verifyFakturiaToken(
  expected: string | undefined,
  headers: Headers,
  query: URLSearchParams,
): boolean {
  if (!expected) return false;
  const candidates: string[] = [];
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const [scheme, value = ''] = authorization.split(' ', 2);
    if (scheme?.toLowerCase() === 'bearer') candidates.push(value.trim());
    if (scheme?.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value.trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) candidates.push(decoded.slice(colon + 1));
    }
  }
  const header = headers['x-webhook-token'];
  if (typeof header === 'string') candidates.push(header);
  const fromQuery = query.get('token');
  if (fromQuery !== null) candidates.push(fromQuery);
  // Compare every candidate, so timing does not tell which place was tried.
  let ok = false;
  for (const candidate of candidates) ok = safeEqual(candidate, expected) || ok;
  return ok;
}

/** The headers our Fakturia stand-ins send: the token as a Bearer. */
export function fakturiaHeaders(
  _rawBody: string,
  credentials: SenderCredentials,
): Record<string, string> {
  return { authorization: `Bearer ${need(credentials.fakturiaToken, 'fakturiaToken')}` };
}
