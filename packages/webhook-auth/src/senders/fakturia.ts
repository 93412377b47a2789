/**
 * Fakturia: a shared token in the webhook's URL. Its envelope and catalog are
 * packages/events/src/senders/fakturia.ts; what the token proves and what not
 * is in docs/upstreams/fakturia.md.
 */
import { safeEqual } from '../compare.js';
import { need, type SenderCredentials } from '../credentials.js';

/**
 * Fakturia's webhook settings take a URL and the events, nothing else: it
 * signs nothing and sends no header of its own
 * (https://wiki.fakturia.de/wiki/Webhooks). So the token is read from the one
 * place it can come from, `?token=` in the URL we configure there. Exactly one
 * `token` parameter; without a configured token nothing is accepted.
 */
export function verifyFakturiaToken(expected: string | undefined, query: URLSearchParams): boolean {
  if (!expected) return false;
  const tokens = query.getAll('token');
  if (tokens.length !== 1) return false;
  return safeEqual(tokens[0] ?? '', expected);
}

/** The headers Fakturia sends: none of its own. */
export function fakturiaHeaders(): Record<string, string> {
  return {};
}

/** The query string of the URL Fakturia is configured with: `?token=…`. */
export function fakturiaQuery(credentials: SenderCredentials): string {
  return `?${new URLSearchParams({ token: need(credentials.fakturiaToken, 'fakturiaToken') })}`;
}
