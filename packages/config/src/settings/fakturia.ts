import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

// What each setting rests on is in docs/upstreams/fakturia.md.
export const fakturia = {
  apiUrl: {
    env: 'FAKTURIA_API_URL',
    type: 'string',
    format: 'uri',
    // The client appends /api/v1 itself; a URL that already ends in it would double it.
    pattern: '^(?!.*/api/v1/?$)',
    default: 'https://api.fakturia.de',
    sandboxDefault: 'http://127.0.0.1:4010/fakturia',
    description:
      "Fakturia REST API base URL; `/api/v1/…` is appended (`https://api.sandbox.fakturia.de` for Fakturia's own sandbox).",
  },
  apiKey: {
    env: 'FAKTURIA_API_KEY',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.FAKTURIA_API_KEY,
    description:
      "API key of the Fakturia project (sent as header `api-key`); the project's IP whitelist must name the hosts that call.",
  },
  pageSize: {
    env: 'FAKTURIA_PAGE_SIZE',
    type: 'integer',
    minimum: 1,
    default: '100',
    description: 'Customers asked for per page of `GET /api/v1/Customers` (the backfill).',
  },
  listQuery: {
    env: 'FAKTURIA_LIST_QUERY',
    type: 'string',
    pattern: '\\{(page|offset)\\}',
    default: 'page={page}&size={size}',
    description:
      "How a page of Fakturia's customer list is asked for (not verified at Fakturia): `{page}` is the page from 0, `{size}` the page size, `{offset}` page × size.",
  },
} as const satisfies GroupSpec;
