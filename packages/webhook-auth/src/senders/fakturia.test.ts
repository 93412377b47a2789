import { describe, expect, it } from 'vitest';
import { verifyFakturiaToken } from './fakturia.js';

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
  it('is refused when no token is configured', () => {
    expect(verifyFakturiaToken(undefined, { authorization: 'Bearer ' }, none)).toBe(false);
    expect(verifyFakturiaToken('', { 'x-webhook-token': '' }, none)).toBe(false);
  });
});
