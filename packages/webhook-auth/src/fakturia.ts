import { safeEqual } from './compare.js';

type Headers = Record<string, string | string[] | undefined>;

/**
 * Fakturia's own scheme is undocumented, so the shared token is accepted from
 * every place a sender can put it: `Authorization: Bearer`, the password of
 * Basic auth, `X-Webhook-Token`, or `?token=` in the URL.
 */
export function verifyFakturiaToken(
  expected: string,
  headers: Headers,
  query: URLSearchParams,
): boolean {
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
