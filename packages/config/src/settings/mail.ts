import type { GroupSpec } from './define.js';

export const mail = {
  smtpUrl: {
    env: 'SMTP_URL',
    type: 'string',
    pattern: '^smtps?://',
    requiredInProduction: true,
    sandboxDefault: 'smtp://127.0.0.1:2525',
    description:
      'SMTP server the mail workers send through (`smtp://user:pass@host:587`, `smtps://` for TLS). Unset in sandbox mode with MAIL_OUTBOX_DIR set: mails are written as .eml files instead.',
  },
  from: {
    env: 'MAIL_FROM',
    type: 'string',
    default: 'Campus <no-reply@campus.example>',
    description: 'Sender of every mail.',
  },
  outboxDir: {
    env: 'MAIL_OUTBOX_DIR',
    type: 'string',
    description:
      'Development only: write each mail as an .eml file into this folder instead of sending it.',
  },
} as const satisfies GroupSpec;
