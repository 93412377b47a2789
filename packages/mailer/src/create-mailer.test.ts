import { ConfigError, loadConfig } from '@campus/config';
import { describe, expect, it } from 'vitest';

describe('createMailer', () => {
  it('cannot be configured without a way to send: production names SMTP_URL', () => {
    const load = () => loadConfig(['mail'], { CAMPUS_MODE: 'production' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/SMTP_URL is missing/);
  });
});
