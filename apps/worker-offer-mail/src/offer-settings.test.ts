import { describe, expect, it } from 'vitest';
import { OfferSettingsError, resolveOfferSettings } from './offer-settings.js';

const offers = {
  baseUrl: 'https://campus.example/',
  linkSecret: 'secret',
  followUpDelays: ['3d', '7d', '14d'],
};

describe('the offers settings', () => {
  it('parse the three follow-up delays and drop the trailing slash of the website URL', () => {
    expect(resolveOfferSettings(offers)).toEqual({
      baseUrl: 'https://campus.example',
      linkSecret: 'secret',
      followUpDelaysMs: [3 * 86_400_000, 7 * 86_400_000, 14 * 86_400_000],
    });
  });

  it('name the variable that is missing or wrong', () => {
    const cases: [Partial<typeof offers>, RegExp][] = [
      [{ followUpDelays: ['3d', '7d'] }, /exactly three durations.*got 2/],
      [{ followUpDelays: ['7d', '3d', '14d'] }, /OFFER_FOLLOW_UP_DELAYS must increase/],
      [{ followUpDelays: ['3 days', '7d', '14d'] }, /OFFER_FOLLOW_UP_DELAYS: Not a duration/],
    ];
    for (const [change, message] of cases) {
      const resolve = () => resolveOfferSettings({ ...offers, ...change });
      expect(resolve).toThrow(OfferSettingsError);
      expect(resolve).toThrow(message);
    }
  });
});
