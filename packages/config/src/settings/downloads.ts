import type { GroupSpec } from './define.js';

export const downloads = {
  linkSecret: {
    env: 'DOWNLOAD_LINK_SECRET',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: 'dev-download-link-secret',
    description:
      "Key that signs the e-book download links in the buyer's mail (the website checks the signature and the expiry before it serves the file).",
  },
  linkTtl: {
    env: 'DOWNLOAD_LINK_TTL',
    type: 'string',
    pattern: '^\\d+(ms|s|m|h|d)$',
    default: '30d',
    description:
      'How long an e-book download link stays valid after the mail went out (a duration: `ms`, `s`, `m`, `h`, `d`).',
  },
} as const satisfies GroupSpec;
