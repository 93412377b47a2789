import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

export const lexoffice = {
  apiUrl: {
    env: 'LEXOFFICE_API_URL',
    type: 'string',
    format: 'uri',
    default: 'https://api.lexoffice.io',
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
} as const satisfies GroupSpec;
