import { describe, expect, it } from 'vitest';
import { isAllowedCertUrl } from './paypal.js';

describe('PayPal certificate URL allow-list', () => {
  const allow = ['https://*.paypal.com/'];
  it('allows PayPal hosts over https only', () => {
    expect(isAllowedCertUrl('https://api.paypal.com/v1/notifications/certs/CERT-1', allow)).toBe(
      true,
    );
    expect(
      isAllowedCertUrl('https://api.sandbox.paypal.com/v1/notifications/certs/CERT-1', allow),
    ).toBe(true);
    expect(isAllowedCertUrl('http://api.paypal.com/cert', allow)).toBe(false);
    expect(isAllowedCertUrl('https://api.paypal.com.evil.example/cert', allow)).toBe(false);
    expect(isAllowedCertUrl('https://evil.example/?x=https://api.paypal.com/', allow)).toBe(false);
    expect(isAllowedCertUrl('https://user@api.paypal.com/cert', allow)).toBe(false);
  });
});
