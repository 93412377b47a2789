import { createLogger } from '@campus/logger';
import { describe, expect, it } from 'vitest';
import { createMailer } from './create-mailer.js';
import { MailerConfigError } from './errors.js';

const logger = createLogger({ name: 'mailer-test', level: 'silent' });

describe('createMailer', () => {
  it('refuses to start without an SMTP URL or an outbox folder, naming both settings', () => {
    const create = () =>
      createMailer({
        config: { smtpUrl: undefined, from: 'noreply@campus.example.com', outboxDir: undefined },
        logger,
      });
    expect(create).toThrow(MailerConfigError);
    expect(create).toThrow(/SMTP_URL.*MAIL_OUTBOX_DIR/);
  });
});
