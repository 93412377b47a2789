import { describe, expect, it } from 'vitest';
import { signPlenigo, verifyPlenigo, verifyPlenigoRequest } from './plenigo.js';

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

describe('plenigo callbacks, one secret each', () => {
  const secrets = ['secret-of-invoice-callback', 'secret-of-customer-callback'];

  it('accepts a callback signed with the secret of any configured callback', () => {
    for (const secret of secrets) {
      expect(verifyPlenigo(secrets, signPlenigo(secret, body, now), body, now)).toBe(true);
    }
  });

  it('refuses a callback signed with the secret of a callback not configured here', () => {
    const header = signPlenigo('secret-of-another-callback', body, now);
    expect(verifyPlenigo(secrets, header, body, now)).toBe(false);
  });

  it('takes a retry an hour, six hours or a day late when the window allows it, and refuses one further or from the future', () => {
    const retries = { maxAgeSeconds: 32 * 3600, maxAheadSeconds: 300 };
    const signedAt = (t: number) => signPlenigo(secrets[0]!, body, t);
    for (const late of [3600, 6 * 3600, 24 * 3600, 31 * 3600]) {
      expect(verifyPlenigo(secrets, signedAt(now - late), body, now, retries)).toBe(true);
    }
    expect(verifyPlenigo(secrets, signedAt(now - 32 * 3600 - 1), body, now, retries)).toBe(false);
    expect(verifyPlenigo(secrets, signedAt(now + 301), body, now, retries)).toBe(false);
    // plenigo's own advice, the default: five minutes either way.
    expect(verifyPlenigo(secrets, signedAt(now - 3600), body, now)).toBe(false);
  });
});

describe('a plenigo request', () => {
  const auth = { secrets: ['secret'], basicAuth: 'plenigo:pa55' };
  const basic = (pair: string) => `Basic ${Buffer.from(pair).toString('base64')}`;

  it('is accepted by its signature, or by Basic auth when it sends none', () => {
    const signed = { 'plenigo-signature': signPlenigo('secret', body, now) };
    expect(verifyPlenigoRequest(auth, signed, body, now)).toBe(true);
    expect(verifyPlenigoRequest(auth, { authorization: basic('plenigo:pa55') }, body, now)).toBe(
      true,
    );
  });

  it('is refused when the way it uses is not configured or does not match', () => {
    const signed = { 'plenigo-signature': signPlenigo('secret', body, now) };
    const withBasic = { authorization: basic('plenigo:pa55') };
    expect(verifyPlenigoRequest({ ...auth, secrets: [] }, signed, body, now)).toBe(false);
    expect(verifyPlenigoRequest({ ...auth, basicAuth: undefined }, withBasic, body, now)).toBe(
      false,
    );
    expect(verifyPlenigoRequest(auth, { authorization: basic('plenigo:wrong') }, body, now)).toBe(
      false,
    );
    // A signature that is present decides, even beside a valid Basic auth.
    const badSignature = { ...withBasic, 'plenigo-signature': `t=${now},s=00ff` };
    expect(verifyPlenigoRequest(auth, badSignature, body, now)).toBe(false);
  });
});
