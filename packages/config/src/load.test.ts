import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

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
      loadConfig(['receiver'], { CAMPUS_MODE: 'production', PLENIGO_WEBHOOK_SECRET: 'x' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('FAKTURIA_WEBHOOK_TOKEN is missing');
      expect(message).toContain('PAYPAL_WEBHOOK_ID is missing');
      expect(message).toContain('CAMPUS_WEBHOOK_SECRET is missing');
      expect(message).not.toContain('PLENIGO_WEBHOOK_SECRET is missing');
    }
  });

  it('needs no secret for a source that is switched off', () => {
    const config = loadConfig(['receiver'], {
      CAMPUS_MODE: 'production',
      RECEIVER_SOURCES: 'fakturia',
      FAKTURIA_WEBHOOK_TOKEN: 'token',
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

  it('refuses plain-http certificate URLs in production', () => {
    expect(() =>
      loadConfig(['receiver'], {
        CAMPUS_MODE: 'production',
        RECEIVER_SOURCES: 'paypal',
        PAYPAL_WEBHOOK_ID: 'WH-1',
        PAYPAL_CERT_URL_ALLOW: 'http://127.0.0.1:9/',
      }),
    ).toThrow(/PAYPAL_CERT_URL_ALLOW may only name https URLs/);
  });

  it('does not ask a receiver-less app for receiver secrets', () => {
    const config = loadConfig(['magicCode'], { CAMPUS_MODE: 'production', MAGIC_CODE_SECRET: 's' });
    expect(config.magicCode.secret).toBe('s');
    expect('receiver' in config).toBe(false);
  });
});
