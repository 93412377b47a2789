import type { GroupSpec } from './define.js';

export const sandbox = {
  host: {
    env: 'SANDBOX_HOST',
    type: 'string',
    default: '127.0.0.1',
    description: 'Address the sandbox stand-ins listen on.',
  },
  port: {
    env: 'SANDBOX_PORT',
    type: 'integer',
    minimum: 0,
    default: '4010',
    description:
      'HTTP port of the sandbox (Lexoffice, ProSonata, PayPal stand-ins and the mail page).',
  },
  smtpPort: {
    env: 'SANDBOX_SMTP_PORT',
    type: 'integer',
    minimum: 0,
    default: '2525',
    description: 'Port of the sandbox SMTP sink.',
  },
} as const satisfies GroupSpec;
