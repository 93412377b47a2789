import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

export const dashboard = {
  port: {
    env: 'DASHBOARD_PORT',
    type: 'integer',
    minimum: 0,
    default: '3001',
    description: "Port of the operators' dashboard (Bull Board and the health page).",
  },
  host: {
    env: 'DASHBOARD_HOST',
    type: 'string',
    default: '0.0.0.0',
    description: 'Address the dashboard listens on.',
  },
  user: {
    env: 'DASHBOARD_USER',
    type: 'string',
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.DASHBOARD_USER,
    description: 'Operator login name.',
  },
  password: {
    env: 'DASHBOARD_PASSWORD',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.DASHBOARD_PASSWORD,
    description: 'Operator password. The dashboard refuses to start in production without it.',
  },
  sessionSecret: {
    env: 'DASHBOARD_SESSION_SECRET',
    type: 'string',
    secret: true,
    description:
      'Key that signs login sessions; derived from the password when unset (changing the password then ends every session).',
  },
} as const satisfies GroupSpec;
