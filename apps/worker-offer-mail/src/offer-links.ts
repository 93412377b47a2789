import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Offer links and their tokens. The website serves both links and must check
 * the token before it shows the PDF or records an acceptance:
 *
 *   token = base64url(HMAC-SHA256(key = OFFER_LINK_SECRET, message = angebot_id as UTF-8))
 *
 * (no padding). The same token is valid for the PDF and the acceptance link
 * of one offer, and for no other offer. Compare in constant time
 * (`verifyOfferToken` is the reference implementation).
 */

export interface OfferLinks {
  angebot_pdf_url: string;
  annahme_link: string;
}

/** The token that proves a link to offer `angebotId` came from us. */
export function signOfferToken(angebotId: string, secret: string): string {
  return createHmac('sha256', secret).update(angebotId, 'utf8').digest('base64url');
}

/** True when `token` is the one we signed for `angebotId`. */
export function verifyOfferToken(angebotId: string, token: string, secret: string): boolean {
  const expected = Buffer.from(signOfferToken(angebotId, secret), 'utf8');
  const given = Buffer.from(token, 'utf8');
  // timingSafeEqual throws on different lengths; a wrong length is simply wrong.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `${baseUrl}/angebote/<id>.pdf?token=…` and `${baseUrl}/angebote/<id>/annehmen?token=…`. */
export function buildOfferLinks(baseUrl: string, secret: string, angebotId: string): OfferLinks {
  const base = baseUrl.replace(/\/+$/, '');
  const id = encodeURIComponent(angebotId);
  const token = signOfferToken(angebotId, secret);
  return {
    angebot_pdf_url: `${base}/angebote/${id}.pdf?token=${token}`,
    annahme_link: `${base}/angebote/${id}/annehmen?token=${token}`,
  };
}
