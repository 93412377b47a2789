import { safeEqual } from './compare.js';

/** Basic auth `user:password` against an expected pair, timing-safe. */
export function verifyBasicAuth(expected: string, authorization: string | undefined): boolean {
  if (!authorization?.toLowerCase().startsWith('basic ')) return false;
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
  return safeEqual(decoded, expected);
}
