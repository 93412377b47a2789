import type { GroupSpec } from './define.js';

export const downloads = {
  linkSecret: {
    env: 'DOWNLOAD_LINK_SECRET',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    // Whoever can guess it can make links to every e-book.
    minBytes: 32,
    sandboxDefault: 'dev-download-link-secret',
    description:
      'Key that signs the e-book download links in the buyer\'s mail (HMAC-SHA256; the website checks the signature and the expiry before it serves the file: docs/upstreams/lexoffice.md, "The e-book buyer\'s download link").',
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
