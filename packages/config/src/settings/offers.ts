import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

export const offers = {
  linkSecret: {
    env: 'OFFER_LINK_SECRET',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    minBytes: 32,
    sandboxDefault: SANDBOX_SECRETS.OFFER_LINK_SECRET,
    description:
      'Key that signs the tokens in offer PDF and acceptance links (the website checks them).',
  },
  followUpDelays: {
    env: 'OFFER_FOLLOW_UP_DELAYS',
    type: 'list',
    pattern: '^\\d+(ms|s|m|h|d)$',
    default: '3d,7d,14d',
    description:
      'When the three follow-up mails go out after an offer (durations: `ms`, `s`, `m`, `h`, `d`), unless it was accepted.',
  },
} as const satisfies GroupSpec;
