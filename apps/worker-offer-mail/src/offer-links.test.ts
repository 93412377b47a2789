import { describe, expect, it } from 'vitest';
import { buildOfferLinks, signOfferToken, verifyOfferToken } from './offer-links.js';

const SECRET = 'test-offer-link-secret';

describe('offer link tokens', () => {
  it('are valid for the offer they were signed for', () => {
    const token = signOfferToken('ANG-2024-1a2b3c4d', SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyOfferToken('ANG-2024-1a2b3c4d', token, SECRET)).toBe(true);
  });

  it('are invalid for another offer, another secret, or when tampered with', () => {
    const token = signOfferToken('ANG-2024-1a2b3c4d', SECRET);
    expect(verifyOfferToken('ANG-2024-1a2b3c4e', token, SECRET)).toBe(false);
    expect(verifyOfferToken('ANG-2024-1a2b3c4d', token, 'another-secret')).toBe(false);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyOfferToken('ANG-2024-1a2b3c4d', flipped, SECRET)).toBe(false);
    expect(verifyOfferToken('ANG-2024-1a2b3c4d', token.slice(1), SECRET)).toBe(false);
    expect(verifyOfferToken('ANG-2024-1a2b3c4d', '', SECRET)).toBe(false);
  });

  it('go into the PDF and acceptance links under the website URL', () => {
    const token = signOfferToken('ANG-2024-1a2b3c4d', SECRET);
    expect(buildOfferLinks('https://campus.example/', SECRET, 'ANG-2024-1a2b3c4d')).toEqual({
      angebot_pdf_url: `https://campus.example/angebote/ANG-2024-1a2b3c4d.pdf?token=${token}`,
      annahme_link: `https://campus.example/angebote/ANG-2024-1a2b3c4d/annehmen?token=${token}`,
    });
  });
});
