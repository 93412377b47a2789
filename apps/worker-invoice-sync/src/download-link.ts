import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * E-book download links. The buyer's mail links the product's `downloadUrl`
 * (PRODUCT_CATALOG) with two query parameters:
 *
 *   expires   = when the link stops working, in Unix seconds
 *   signature = base64url(HMAC-SHA256(key = DOWNLOAD_LINK_SECRET,
 *                                     message = `${slug}.${expires}` as UTF-8))   (no padding)
 *
 * The website serves the file only when `expires` is a whole number later than
 * now and the signature it recomputes for the product's slug equals the one in
 * the link, compared in constant time (`verifyDownloadLink` is the reference
 * implementation). The slug is the product's key in the catalog, which the
 * website knows from the download URL it serves.
 */

/** The signature of a link to `slug` that works until `expires` (Unix seconds). */
export function signDownload(slug: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`${slug}.${expires}`, 'utf8').digest('base64url');
}

/** `downloadUrl` with `expires` and `signature` set (other query parameters kept). */
export function downloadLink(
  downloadUrl: string,
  slug: string,
  expires: number,
  secret: string,
): string {
  const url = new URL(downloadUrl);
  url.searchParams.set('expires', String(expires));
  url.searchParams.set('signature', signDownload(slug, expires, secret));
  return url.toString();
}

/** What the website checks before it serves the e-book `slug` for a request to `link`. */
export function verifyDownloadLink(
  link: string,
  slug: string,
  secret: string,
  nowSeconds: number,
): boolean {
  const params = new URL(link).searchParams;
  const expiresText = params.get('expires') ?? '';
  if (!/^\d{1,12}$/.test(expiresText)) return false;
  const expires = Number(expiresText);
  if (expires <= nowSeconds) return false;
  const expected = Buffer.from(signDownload(slug, expires, secret), 'utf8');
  const given = Buffer.from(params.get('signature') ?? '', 'utf8');
  // timingSafeEqual throws on different lengths; a wrong length is simply wrong.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
