import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SANDBOX_SECRETS, type Setting } from './index.js';
import { weakSecretProblems } from './secret-checks.js';
import { decodeWhsec, estimatedEntropyBytes, lowEntropyReason } from './secret-strength.js';

// Made with `openssl rand -hex 32`, `openssl rand -base64 32` and `openssl rand -base64 24`.
const HEX_32 = '59f147a6e57071e2869c5222925c3db0fd7067c8445cb82d13c82d54b6e77e4b';
const OTHER_HEX_32 = '0e2bea5ddc9d485a5b98fcfbcb1d080c31c55cb8c084962d44bd12df40122994';
const BASE64_32 = 'qENiNamGO9GFHMRhL6YtQgTJMS8cyot9Gvpz2JDXKEk=';
const BASE64_24 = 'd1PBJ8kk7ZtNxLNAFhOtuYE4/C/NyAxW';

/** Everything a production receiver and dashboard need, strong; tests weaken one value at a time. */
const strongProduction = {
  CAMPUS_MODE: 'production',
  FAKTURIA_WEBHOOK_TOKEN: HEX_32,
  PLENIGO_WEBHOOK_SECRET: OTHER_HEX_32,
  PAYPAL_WEBHOOK_ID: 'WH-4KX81234AB567890C',
  CAMPUS_WEBHOOK_SECRET: `whsec_${BASE64_32}`,
  MAGIC_CODE_SECRET: BASE64_32,
  DASHBOARD_USER: 'campus-ops',
  DASHBOARD_PASSWORD: 'Kolibri-Tanne-47!',
  DASHBOARD_SESSION_SECRET: HEX_32.split('').reverse().join(''),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(['receiver', 'magicCode', 'dashboard'], env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('secret strength', () => {
  it('counts 4 bits a hex digit, 6 a base64 character, about 6.6 any other', () => {
    expect(estimatedEntropyBytes(HEX_32)).toBe(32);
    expect(estimatedEntropyBytes(BASE64_32)).toBe(32);
    expect(estimatedEntropyBytes('correct horse battery staple!')).toBe(23);
  });

  it('gives away values nobody drew at random', () => {
    expect(lowEntropyReason('x'.repeat(64))).toBe('is one character repeated');
    expect(lowEntropyReason('0123456789abcdef'.repeat(4))).toBe('repeats a shorter string');
    expect(lowEntropyReason('abababababababababababacab')).toMatch(/only 3 different/);
    expect(lowEntropyReason('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe(
      'mostly runs along the alphabet',
    );
    expect(lowEntropyReason(HEX_32)).toBeUndefined();
    expect(lowEntropyReason(BASE64_32)).toBeUndefined();
  });

  it('reads a whsec key only when it is canonical base64 of at least one byte', () => {
    expect(decodeWhsec(`whsec_${BASE64_24}`)?.length).toBe(24);
    expect(decodeWhsec('whsec_====')).toBeUndefined();
    expect(decodeWhsec('whsec_A')).toBeUndefined();
    expect(decodeWhsec('whsec_QQ')?.toString()).toBe('A');
  });
});

describe('production mode', () => {
  it('starts with strong secrets of its own', () => {
    expect(problemsOf(strongProduction)).toEqual([]);
  });

  it('refuses every published development value, in any secret, naming the variable only', () => {
    const problems = problemsOf({
      ...strongProduction,
      FAKTURIA_WEBHOOK_TOKEN: SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN,
      CAMPUS_WEBHOOK_SECRET: SANDBOX_SECRETS.CAMPUS_WEBHOOK_SECRET,
      MAGIC_CODE_SECRET: SANDBOX_SECRETS.PLENIGO_WEBHOOK_SECRET,
      DASHBOARD_USER: SANDBOX_SECRETS.DASHBOARD_USER,
      DASHBOARD_PASSWORD: SANDBOX_SECRETS.DASHBOARD_PASSWORD,
      DASHBOARD_SESSION_SECRET: SANDBOX_SECRETS.DASHBOARD_SESSION_SECRET,
      PAYPAL_WEBHOOK_ID: SANDBOX_SECRETS.PAYPAL_WEBHOOK_ID,
    });
    for (const name of [
      'FAKTURIA_WEBHOOK_TOKEN',
      'CAMPUS_WEBHOOK_SECRET',
      'MAGIC_CODE_SECRET',
      'DASHBOARD_USER',
      'DASHBOARD_PASSWORD',
      'DASHBOARD_SESSION_SECRET',
      'PAYPAL_WEBHOOK_ID',
    ]) {
      expect(problems).toContain(
        `${name} is a development value published in this repository: production needs your own.`,
      );
    }
    expect(problems.join('\n')).not.toContain(SANDBOX_SECRETS.DASHBOARD_PASSWORD);
  });

  it('refuses secrets under 32 bytes of entropy, and low-entropy ones of any length', () => {
    const problems = problemsOf({
      ...strongProduction,
      FAKTURIA_WEBHOOK_TOKEN: 'a',
      PLENIGO_WEBHOOK_SECRET: 'z'.repeat(200),
      MAGIC_CODE_SECRET: HEX_32.slice(0, 62),
      DASHBOARD_SESSION_SECRET: BASE64_24,
    });
    expect(problems).toEqual([
      'FAKTURIA_WEBHOOK_TOKEN carries about 0 bytes of entropy; production needs 32 (e.g. `openssl rand -hex 32`).',
      'PLENIGO_WEBHOOK_SECRETS entry 1 is one character repeated: choose a random one.',
      'MAGIC_CODE_SECRET carries about 31 bytes of entropy; production needs 32 (e.g. `openssl rand -hex 32`).',
      'DASHBOARD_SESSION_SECRET carries about 24 bytes of entropy; production needs 32 (e.g. `openssl rand -hex 32`).',
    ]);
  });

  it('refuses a Standard Webhooks key under 24 bytes, and one that decodes to nothing', () => {
    const short = `whsec_${Buffer.from('twenty-three bytes long').toString('base64')}`;
    expect(problemsOf({ ...strongProduction, CAMPUS_WEBHOOK_SECRET: short })).toEqual([
      'CAMPUS_WEBHOOK_SECRET decodes to a 23-byte key; Standard Webhooks keys have 24 to 64 bytes.',
    ]);
    expect(problemsOf({ ...strongProduction, CAMPUS_WEBHOOK_SECRET: 'whsec_====' })).toEqual([
      'CAMPUS_WEBHOOK_SECRET is not `whsec_` followed by the base64 of a key.',
    ]);
    expect(
      problemsOf({ ...strongProduction, CAMPUS_WEBHOOK_SECRET: `whsec_${BASE64_24}` }),
    ).toEqual([]);
  });

  it('refuses a key that decodes to nothing even in sandbox mode', () => {
    expect(() => loadConfig(['receiver'], { CAMPUS_WEBHOOK_SECRET: 'whsec_A' })).toThrow(
      /CAMPUS_WEBHOOK_SECRET is not `whsec_` followed by the base64 of a key/,
    );
  });

  it('refuses dashboard passwords under 12 characters', () => {
    expect(problemsOf({ ...strongProduction, DASHBOARD_PASSWORD: 'Tanne-47!xy' })).toEqual([
      'DASHBOARD_PASSWORD has 11 characters; production needs at least 12.',
    ]);
  });

  it('checks each secret of a list on its own (plenigo has one secret per callback)', () => {
    const secrets: Setting = {
      env: 'EXAMPLE_SECRETS',
      type: 'list',
      secret: true,
      minBytes: 32,
      description: 'A list of HMAC secrets.',
      group: 'receiver',
      key: 'exampleSecrets',
    };
    const values = { EXAMPLE_SECRETS: [HEX_32, 'short', SANDBOX_SECRETS.PLENIGO_WEBHOOK_SECRET] };
    expect(weakSecretProblems([secrets], values)).toEqual([
      'EXAMPLE_SECRETS entry 2 carries about 3 bytes of entropy; production needs 32 (e.g. `openssl rand -hex 32`).',
      'EXAMPLE_SECRETS entry 3 is a development value published in this repository: production needs your own.',
    ]);
  });

  it('accepts trusted proxies as addresses, networks or loopback', () => {
    expect(
      problemsOf({ ...strongProduction, DASHBOARD_TRUSTED_PROXIES: '10.0.0.0/8,::1,loopback' }),
    ).toEqual([]);
    expect(problemsOf({ ...strongProduction, DASHBOARD_TRUSTED_PROXIES: 'proxy.example' })).toEqual(
      [
        'DASHBOARD_TRUSTED_PROXIES/0 must match pattern "^(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(/[0-9]{1,3})?)$".',
      ],
    );
  });
});
