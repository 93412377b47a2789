import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError, loadConfig, SANDBOX_SECRETS } from './index.js';

/** A strong value, as `openssl rand -hex 32` makes one. */
const STRONG = {
  token: '59f147a6e57071e2869c5222925c3db0fd7067c8445cb82d13c82d54b6e77e4b',
};

describe('loadConfig', () => {
  it('fills defaults and development secrets in sandbox mode', () => {
    const config = loadConfig(['receiver'], {});
    expect(config.core.mode).toBe('sandbox');
    expect(config.core.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.receiver.port).toBe(3000);
    expect(config.receiver.maxBodyBytes).toBe(1024 * 1024);
    expect(config.receiver.sources).toEqual(['fakturia', 'plenigo', 'paypal', 'campus']);
    expect(config.receiver.campusSecret).toMatch(/^whsec_/);
  });

  it('returns a frozen object', () => {
    const config = loadConfig(['receiver'], {});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.receiver)).toBe(true);
  });

  it('names every missing secret in production mode, without printing values', () => {
    const attempt = () =>
      loadConfig(['receiver'], {
        CAMPUS_MODE: 'production',
        PLENIGO_WEBHOOK_SECRET: '0e2bea5ddc9d485a5b98fcfbcb1d080c31c55cb8c084962d44bd12df40122994',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('FAKTURIA_WEBHOOK_TOKEN is missing');
      expect(message).toContain('PAYPAL_WEBHOOK_ID is missing');
      expect(message).toContain('CAMPUS_WEBHOOK_SECRET is missing');
      // The older single variable counts as one entry of PLENIGO_WEBHOOK_SECRETS.
      expect(message).not.toContain('PLENIGO_WEBHOOK_SECRET');
    }
  });

  it('needs no secret for a source that is switched off', () => {
    const config = loadConfig(['receiver'], {
      CAMPUS_MODE: 'production',
      RECEIVER_SOURCES: 'fakturia',
      FAKTURIA_WEBHOOK_TOKEN: STRONG.token,
    });
    expect(config.receiver.sources).toEqual(['fakturia']);
  });

  it('rejects a malformed value and names the variable', () => {
    expect(() => loadConfig(['receiver'], { RECEIVER_PORT: 'abc' })).toThrow(
      /RECEIVER_PORT must be integer/,
    );
    expect(() => loadConfig(['core'], { REDIS_URL: 'localhost:6379' })).toThrow(
      /REDIS_URL must match pattern/,
    );
    expect(() => loadConfig(['receiver'], { CAMPUS_WEBHOOK_SECRET: 'nope' })).toThrow(
      /CAMPUS_WEBHOOK_SECRET/,
    );
  });

  it.each([
    'http://127.0.0.1:9/',
    'https://*.paypal.com/',
    'https://api.paypal.com/',
    'https://evil.example/v1/notifications/certs/',
  ])('refuses the PayPal certificate prefix %s in production', (prefix) => {
    expect(() =>
      loadConfig(['receiver'], {
        CAMPUS_MODE: 'production',
        RECEIVER_SOURCES: 'paypal',
        PAYPAL_WEBHOOK_ID: 'WH-1',
        PAYPAL_CERT_URL_ALLOW: prefix,
      }),
    ).toThrow(/PAYPAL_CERT_URL_ALLOW may only name PayPal's certificate URLs in production/);
  });

  it("accepts PayPal's own certificate URLs in production, and only those by default", () => {
    const config = loadConfig(['receiver'], {
      CAMPUS_MODE: 'production',
      RECEIVER_SOURCES: 'paypal',
      PAYPAL_WEBHOOK_ID: 'WH-1',
    });
    expect(config.receiver.paypalCertUrlAllow).toEqual([
      'https://api.paypal.com/v1/notifications/certs/',
      'https://api-m.paypal.com/v1/notifications/certs/',
      'https://api.sandbox.paypal.com/v1/notifications/certs/',
      'https://api-m.sandbox.paypal.com/v1/notifications/certs/',
    ]);
    expect(config.receiver.paypalCertTestCa).toBeUndefined();
  });

  it('refuses a test CA for PayPal certificates in production, and trusts the sandbox CA in sandbox mode', () => {
    expect(() =>
      loadConfig(['receiver'], {
        CAMPUS_MODE: 'production',
        RECEIVER_SOURCES: 'paypal',
        PAYPAL_WEBHOOK_ID: 'WH-1',
        PAYPAL_CERT_TEST_CA: SANDBOX_SECRETS.PAYPAL_CERT_TEST_CA,
      }),
    ).toThrow(/PAYPAL_CERT_TEST_CA is for tests and the sandbox only/);
    expect(loadConfig(['receiver'], {}).receiver.paypalCertTestCa).toBe(
      SANDBOX_SECRETS.PAYPAL_CERT_TEST_CA,
    );
  });

  it('takes every plenigo callback secret, the older single variable as one more', () => {
    const [A, B, C] = [
      '59f147a6e57071e2869c5222925c3db0fd7067c8445cb82d13c82d54b6e77e4b',
      '0e2bea5ddc9d485a5b98fcfbcb1d080c31c55cb8c084962d44bd12df40122994',
      'c4d1e0a9b37f5a2e8d6c0b1f9e4a7d3c2b5f8e1a0d9c6b3f7e2a5d8c1b4f0e9a',
    ];
    const config = loadConfig(['receiver'], {
      CAMPUS_MODE: 'production',
      RECEIVER_SOURCES: 'plenigo',
      PLENIGO_WEBHOOK_SECRETS: `${A}, ${B}`,
      PLENIGO_WEBHOOK_SECRET: C,
    });
    expect(config.receiver.plenigoSecrets).toEqual([A, B, C]);
    const onlyOld = loadConfig(['receiver'], {
      CAMPUS_MODE: 'production',
      RECEIVER_SOURCES: 'plenigo',
      PLENIGO_WEBHOOK_SECRET: C,
    });
    expect(onlyOld.receiver.plenigoSecrets).toEqual([C]);
    expect(() =>
      loadConfig(['receiver'], { CAMPUS_MODE: 'production', RECEIVER_SOURCES: 'plenigo' }),
    ).toThrow(/PLENIGO_WEBHOOK_SECRETS is missing/);
  });

  it("requires Fakturia's API key in production and refuses a URL that already ends in /api/v1", () => {
    expect(() => loadConfig(['fakturia'], { CAMPUS_MODE: 'production' })).toThrow(
      /FAKTURIA_API_KEY is missing/,
    );
    const config = loadConfig(['fakturia'], { CAMPUS_MODE: 'production', FAKTURIA_API_KEY: 'k' });
    expect(config.fakturia.apiUrl).toBe('https://api.fakturia.de');
    expect(() =>
      loadConfig(['fakturia'], { FAKTURIA_API_URL: 'https://api.sandbox.fakturia.de/api/v1/' }),
    ).toThrow(/FAKTURIA_API_URL must match pattern/);
  });

  it('does not ask a receiver-less app for receiver secrets', () => {
    const config = loadConfig(['magicCode'], {
      CAMPUS_MODE: 'production',
      MAGIC_CODE_SECRET: STRONG.token,
    });
    expect(config.magicCode.secret).toBe(STRONG.token);
    expect('receiver' in config).toBe(false);
  });
});

describe('the config types, inferred from the settings', () => {
  it('are never undefined for a value with a default or one production requires', () => {
    const config = loadConfig(['lexoffice', 'catalog', 'dashboard', 'receiver'], {});
    // Checked by the compiler (npm run typecheck); the values are checked here.
    expectTypeOf(config.lexoffice.apiKey).toEqualTypeOf<string>();
    expectTypeOf(config.lexoffice.requestsPerSecond).toEqualTypeOf<number>();
    expectTypeOf(config.catalog.paypalPlans).toEqualTypeOf<Record<string, string>>();
    expectTypeOf(config.dashboard.sessionSecret).toEqualTypeOf<string>();
    expectTypeOf(config.dashboard.trustedProxies).toEqualTypeOf<string[]>();
    expectTypeOf(config.receiver.sources).toEqualTypeOf<
      ('fakturia' | 'plenigo' | 'paypal' | 'campus')[]
    >();
    expectTypeOf(config.receiver.fakturiaToken).toEqualTypeOf<string | undefined>();
    expectTypeOf(config.core.logLevel).toEqualTypeOf<
      'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
    >();
    expect(config.lexoffice.apiKey).toBe('sandbox-lexoffice-key');
    expect(config.lexoffice.apiUrl).toBe('http://127.0.0.1:4010/lexoffice');
    expect(config.lexoffice.revenueCategoryId).toBe('8f8664a1-fd86-11e1-a21f-0800200c9a66');
    expect(config.catalog.paypalPlans).toEqual({ 'KURS-PM-ABO': 'P-SANDBOX-KURS-PM-ABO' });
    expect(config.dashboard.trustedProxies).toEqual([]);
  });

  it('checks each item of a list', () => {
    expect(() => loadConfig(['receiver'], { RECEIVER_SOURCES: 'fakturia,ebay' })).toThrow(
      /RECEIVER_SOURCES\/1 must be equal to one of the allowed values/,
    );
    expect(() => loadConfig(['offers'], { OFFER_FOLLOW_UP_DELAYS: '3d,soon' })).toThrow(
      /OFFER_FOLLOW_UP_DELAYS\/1 must match pattern/,
    );
  });
});

// 32 bytes as hex, as `openssl rand -hex 32` makes them.
const STRONG_LINK_SECRET = 'a3f1c9e27b4d8f605e1a2c3b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70';

describe('Lexoffice and e-book download settings', () => {
  it('point production at api.lexware.io and book revenue under "Einnahmen"', () => {
    const config = loadConfig(['lexoffice', 'downloads'], {
      CAMPUS_MODE: 'production',
      LEXOFFICE_API_KEY: 'k',
      DOWNLOAD_LINK_SECRET: STRONG_LINK_SECRET,
    });
    expect(config.lexoffice.apiUrl).toBe('https://api.lexware.io');
    expect(config.lexoffice.revenueCategoryId).toBe('8f8664a1-fd86-11e1-a21f-0800200c9a66');
    expectTypeOf(config.downloads.linkSecret).toEqualTypeOf<string>();
    expect(config.downloads).toEqual({ linkSecret: STRONG_LINK_SECRET, linkTtl: '30d' });
  });

  it('refuse a category id that is not a uuid and production without a link secret', () => {
    expect(() => loadConfig(['lexoffice'], { LEXOFFICE_REVENUE_CATEGORY_ID: 'Einnahmen' })).toThrow(
      /LEXOFFICE_REVENUE_CATEGORY_ID must match pattern/,
    );
    expect(() =>
      loadConfig(['downloads'], { CAMPUS_MODE: 'production', DOWNLOAD_LINK_TTL: '1d' }),
    ).toThrow(/DOWNLOAD_LINK_SECRET is missing/);
  });

  it('refuse a download link secret anyone could guess', () => {
    expect(() =>
      loadConfig(['downloads'], { CAMPUS_MODE: 'production', DOWNLOAD_LINK_SECRET: 'geheim' }),
    ).toThrow(/DOWNLOAD_LINK_SECRET/);
  });
});

describe('JSON settings', () => {
  it('are parsed and checked against their schema', () => {
    const config = loadConfig(['catalog'], {});
    expect(config.catalog.products['ebook-agiles-arbeiten']).toEqual({
      name: 'E-Book Agiles Arbeiten',
      netPrice: 18.69,
      taxRate: 7,
      downloadUrl: 'https://campus.example/downloads/ebook-agiles-arbeiten.pdf',
    });
    expect(() =>
      loadConfig(['catalog'], {
        PRODUCT_CATALOG: '{"x":{"name":"X","netPrice":1,"taxRate":7,"downloadUrl":"ebook.pdf"}}',
      }),
    ).toThrow(/PRODUCT_CATALOG\/x\/downloadUrl must match format "uri"/);
    expect(() => loadConfig(['catalog'], { PRODUCT_CATALOG: '{"x":' })).toThrow(
      /PRODUCT_CATALOG is not valid JSON/,
    );
    expect(() =>
      loadConfig(['catalog'], { PRODUCT_CATALOG: '{"x":{"name":"X","netPrice":1,"taxRate":16}}' }),
    ).toThrow(/PRODUCT_CATALOG\/x\/taxRate must be equal to one of the allowed values/);
  });
});

describe('parseDurationMs', () => {
  it('reads the units of OFFER_FOLLOW_UP_DELAYS', async () => {
    const { parseDurationMs } = await import('./index.js');
    expect(['250ms', '30s', '5m', '2h', '3d'].map(parseDurationMs)).toEqual([
      250, 30_000, 300_000, 7_200_000, 259_200_000,
    ]);
    expect(() => parseDurationMs('3 days')).toThrow(/Not a duration/);
  });
});
