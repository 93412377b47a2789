import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPaypalCertificate } from './paypal-certificate.js';
import { isAllowedCertUrl, parseTransmissionTime } from './paypal.js';

const PAYPAL = [
  'https://api.paypal.com/v1/notifications/certs/',
  'https://api-m.paypal.com/v1/notifications/certs/',
  'https://api.sandbox.paypal.com/v1/notifications/certs/',
  'https://api-m.sandbox.paypal.com/v1/notifications/certs/',
];

describe('PayPal certificate URL allow-list', () => {
  it("allows PayPal's four API hosts under /v1/notifications/certs/", () => {
    for (const prefix of PAYPAL)
      expect(isAllowedCertUrl(`${prefix}CERT-360caa42`, PAYPAL)).toBe(true);
  });

  it.each([
    'http://api.paypal.com/v1/notifications/certs/CERT-1',
    'https://www.paypal.com/v1/notifications/certs/CERT-1',
    'https://api.paypal.com/v1/other/CERT-1',
    'https://api.paypal.com/v1/notifications/certs/../../oauth2/token',
    'https://api.paypal.com/v1/notifications/certs/%2e%2e/%2e%2e/x',
    'https://api.paypal.com.evil.example/v1/notifications/certs/CERT-1',
    'https://evil.example/?x=https://api.paypal.com/v1/notifications/certs/',
    'https://user@api.paypal.com/v1/notifications/certs/CERT-1',
    'https://api.paypal.com/v1/notifications/certs/CERT-1?redirect=https://evil.example',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedCertUrl(url, PAYPAL)).toBe(false);
  });
});

describe('PAYPAL-TRANSMISSION-TIME', () => {
  it('reads RFC 3339 times as PayPal sends them', () => {
    expect(parseTransmissionTime('2016-02-18T20:01:35Z')).toBe(Date.UTC(2016, 1, 18, 20, 1, 35));
    expect(parseTransmissionTime('2016-02-18T21:01:35.123+01:00')).toBe(
      Date.UTC(2016, 1, 18, 20, 1, 35, 123),
    );
  });

  it.each([
    '',
    'yesterday',
    '1455825695',
    '2016-02-18',
    '2016-02-18 20:01:35Z',
    '2016-13-45T99:01:35Z',
  ])('refuses %j', (text) => {
    expect(parseTransmissionTime(text)).toBeUndefined();
  });
});

describe('the certificate PayPal names', () => {
  const now = new Date();
  const day = 24 * 3600 * 1000;
  let root: { cert: string; key: string };
  let roots: X509Certificate[];

  const issue = async (
    cn: string,
    ca: { cert: string; key: string } | undefined,
    extra: { isCa?: boolean; from?: Date; to?: Date } = {},
  ) => {
    const pems = await generate([{ name: 'commonName', value: cn }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: extra.from ?? new Date(now.getTime() - day),
      notAfterDate: extra.to ?? new Date(now.getTime() + 30 * day),
      extensions: [{ name: 'basicConstraints', cA: !!extra.isCa, critical: true }],
      ...(ca ? { ca } : {}),
    });
    return { cert: pems.cert, key: pems.private };
  };

  beforeAll(async () => {
    root = await issue('test root', undefined, { isCa: true });
    roots = [new X509Certificate(root.cert)];
  });

  it('accepts messageverificationcerts…paypal.com issued by a trusted root, directly or through an intermediate', async () => {
    const leaf = await issue('messageverificationcerts.paypal.com', root);
    expect(checkPaypalCertificate(leaf.cert, roots, now)).toMatchObject({ ok: true });
    const intermediate = await issue('test intermediate', root, { isCa: true });
    const viaIntermediate = await issue(
      'messageverificationcerts.sandbox.paypal.com',
      intermediate,
    );
    const served = `${viaIntermediate.cert}\n${intermediate.cert}`;
    expect(checkPaypalCertificate(served, roots, now)).toMatchObject({ ok: true });
    // Without the intermediate there is no way to the root.
    expect(checkPaypalCertificate(viaIntermediate.cert, roots, now)).toEqual({
      ok: false,
      reason: 'untrusted_chain',
    });
  });

  it("refuses a self-signed certificate in PayPal's name: the forger's own key", async () => {
    const forged = await issue('messageverificationcerts.paypal.com', undefined);
    expect(checkPaypalCertificate(forged.cert, roots, now)).toEqual({
      ok: false,
      reason: 'untrusted_chain',
    });
  });

  it.each(['evil.example', 'messageverificationcerts.paypal.com.evil.example', 'api.paypal.com'])(
    'refuses a trusted certificate named %s',
    async (cn) => {
      const other = await issue(cn, root);
      expect(checkPaypalCertificate(other.cert, roots, now)).toEqual({
        ok: false,
        reason: 'subject',
      });
    },
  );

  it('refuses an expired certificate and text that is no certificate', async () => {
    const expired = await issue('messageverificationcerts.paypal.com', root, {
      from: new Date(now.getTime() - 60 * day),
      to: new Date(now.getTime() - day),
    });
    expect(checkPaypalCertificate(expired.cert, roots, now)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(checkPaypalCertificate('<html>not found</html>', roots, now)).toEqual({
      ok: false,
      reason: 'unparseable',
    });
  });
});
