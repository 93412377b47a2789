import { describe, expect, it } from 'vitest';
import {
  isAllowedCertUrl,
  signPlenigo,
  signStandardWebhook,
  verifyFakturiaToken,
  verifyPlenigo,
  verifyStandardWebhook,
} from './index.js';

const body = '{"a":1}';
const now = 1_700_000_000;

describe('plenigo signature', () => {
  it('accepts a fresh signature and any of several s= values', () => {
    const header = signPlenigo('secret', body, now);
    expect(verifyPlenigo('secret', header, body, now)).toBe(true);
    expect(
      verifyPlenigo(
        'secret',
        `${header.split(',')[0]},s=deadbeef,${header.split(',')[1]}`,
        body,
        now,
      ),
    ).toBe(true);
  });
  it('refuses a stale timestamp, another body and another secret', () => {
    const header = signPlenigo('secret', body, now - 301);
    expect(verifyPlenigo('secret', header, body, now)).toBe(false);
    expect(verifyPlenigo('secret', signPlenigo('secret', body, now), '{"a":2}', now)).toBe(false);
    expect(verifyPlenigo('other', signPlenigo('secret', body, now), body, now)).toBe(false);
    expect(verifyPlenigo('secret', 's=abc', body, now)).toBe(false);
  });
});

describe('Standard Webhooks signature', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  it('matches the reference example of the specification', () => {
    // Example from the Standard Webhooks specification (standard-webhooks/spec).
    const signature = signStandardWebhook(
      secret,
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
  it('accepts one of several signatures and refuses a stale one', () => {
    const signature = signStandardWebhook(secret, 'msg_1', now, body);
    const headers = { id: 'msg_1', timestamp: String(now), signature: `v1,bogus ${signature}` };
    expect(verifyStandardWebhook(secret, headers, body, now)).toBe(true);
    expect(verifyStandardWebhook(secret, headers, body, now + 301)).toBe(false);
    expect(verifyStandardWebhook(secret, { ...headers, id: 'msg_2' }, body, now)).toBe(false);
  });
});

describe('Fakturia token', () => {
  const none = new URLSearchParams();
  it('is found in Bearer, Basic password, X-Webhook-Token and ?token=', () => {
    expect(verifyFakturiaToken('t0k', { authorization: 'Bearer t0k' }, none)).toBe(true);
    const basic = `Basic ${Buffer.from('fakturia:t0k').toString('base64')}`;
    expect(verifyFakturiaToken('t0k', { authorization: basic }, none)).toBe(true);
    expect(verifyFakturiaToken('t0k', { 'x-webhook-token': 't0k' }, none)).toBe(true);
    expect(verifyFakturiaToken('t0k', {}, new URLSearchParams('token=t0k'))).toBe(true);
  });
  it('is refused when wrong or absent', () => {
    expect(verifyFakturiaToken('t0k', { authorization: 'Bearer t0' }, none)).toBe(false);
    expect(verifyFakturiaToken('t0k', {}, none)).toBe(false);
  });
});

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
