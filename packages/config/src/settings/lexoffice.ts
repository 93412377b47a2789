import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

export const lexoffice = {
  apiUrl: {
    env: 'LEXOFFICE_API_URL',
    type: 'string',
    format: 'uri',
    // developers.lexware.io/docs/: the gateway moved to api.lexware.io on 26 May 2025; the old
    // api.lexoffice.io gateway was kept only until December 2025.
    default: 'https://api.lexware.io',
    sandboxDefault: 'http://127.0.0.1:4010/lexoffice',
    description: 'Lexware Office (lexoffice) API base URL.',
  },
  apiKey: {
    env: 'LEXOFFICE_API_KEY',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.LEXOFFICE_API_KEY,
    description: 'Lexoffice API key (Bearer).',
  },
  requestsPerSecond: {
    env: 'LEXOFFICE_REQUESTS_PER_SECOND',
    type: 'integer',
    minimum: 1,
    default: '2',
    description: 'Lexoffice calls per second for the whole account, across every worker process.',
  },
  revenueCategoryId: {
    env: 'LEXOFFICE_REVENUE_CATEGORY_ID',
    type: 'string',
    pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    // "Einnahmen" (type income) in the posting categories of developers.lexware.io/docs/
    // (vouchers endpoint, list of categoryIds; GET /v1/posting-categories sample).
    default: '8f8664a1-fd86-11e1-a21f-0800200c9a66',
    description:
      'Posting category (`categoryId`) of the bookkeeping vouchers booked for Fakturia and plenigo invoices; the default is Lexoffice\'s "Einnahmen". `GET /v1/posting-categories` lists the account\'s `income` categories.',
  },
} as const satisfies GroupSpec;
