import { describe, expect, it } from 'vitest';
import { downloadLink, signDownload, verifyDownloadLink } from './download-link.js';

const SECRET = 'test-download-link-secret';
const URL_OF_EBOOK = 'https://campus.example/downloads/ebook-agiles-arbeiten.pdf';
const EXPIRES = 1_722_463_200; // 2024-07-31T22:00:00Z

describe('e-book download links', () => {
  it('carry the expiry and an HMAC-SHA256 of slug and expiry, base64url without padding', () => {
    const link = downloadLink(URL_OF_EBOOK, 'ebook-agiles-arbeiten', EXPIRES, SECRET);
    const signature = signDownload('ebook-agiles-arbeiten', EXPIRES, SECRET);

    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link).toBe(`${URL_OF_EBOOK}?expires=${EXPIRES}&signature=${signature}`);
  });

  it('keep a query the catalog URL already has', () => {
    const link = downloadLink(
      `${URL_OF_EBOOK}?format=pdf`,
      'ebook-agiles-arbeiten',
      EXPIRES,
      SECRET,
    );
    expect(new URL(link).searchParams.get('format')).toBe('pdf');
    expect(verifyDownloadLink(link, 'ebook-agiles-arbeiten', SECRET, EXPIRES - 1)).toBe(true);
  });

  it('are served until they expire, and not a second later', () => {
    const link = downloadLink(URL_OF_EBOOK, 'ebook-agiles-arbeiten', EXPIRES, SECRET);
    expect(verifyDownloadLink(link, 'ebook-agiles-arbeiten', SECRET, EXPIRES - 1)).toBe(true);
    expect(verifyDownloadLink(link, 'ebook-agiles-arbeiten', SECRET, EXPIRES)).toBe(false);
  });

  it('are refused for another e-book, another key, a moved expiry or a tampered signature', () => {
    const link = downloadLink(URL_OF_EBOOK, 'ebook-agiles-arbeiten', EXPIRES, SECRET);
    const now = EXPIRES - 3_600;
    expect(verifyDownloadLink(link, 'ebook-scrum', SECRET, now)).toBe(false);
    expect(verifyDownloadLink(link, 'ebook-agiles-arbeiten', 'another-secret', now)).toBe(false);
    const later = link.replace(`expires=${EXPIRES}`, `expires=${EXPIRES + 86_400}`);
    expect(verifyDownloadLink(later, 'ebook-agiles-arbeiten', SECRET, now)).toBe(false);
    const signature = new URL(link).searchParams.get('signature')!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(
      verifyDownloadLink(link.replace(signature, flipped), 'ebook-agiles-arbeiten', SECRET, now),
    ).toBe(false);
    expect(verifyDownloadLink(URL_OF_EBOOK, 'ebook-agiles-arbeiten', SECRET, now)).toBe(false);
  });
});
