import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

export const magicCode = {
  secret: {
    env: 'MAGIC_CODE_SECRET',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    minBytes: 32,
    sandboxDefault: SANDBOX_SECRETS.MAGIC_CODE_SECRET,
    description:
      'Key the login codes are hashed with (HMAC) in Redis; the receiver and the login-mail worker need the same.',
  },
} as const satisfies GroupSpec;
