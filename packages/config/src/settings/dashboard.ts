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
    sandboxDefault: '127.0.0.1',
    description:
      'Address the dashboard listens on: loopback in sandbox mode (set it to open the dashboard deliberately), every interface in production (containers; put it behind TLS).',
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
    minLength: 12,
    sandboxDefault: SANDBOX_SECRETS.DASHBOARD_PASSWORD,
    description: 'Operator password.',
  },
  sessionSecret: {
    env: 'DASHBOARD_SESSION_SECRET',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    minBytes: 32,
    sandboxDefault: SANDBOX_SECRETS.DASHBOARD_SESSION_SECRET,
    description:
      'Key that signs login session cookies; its own secret, not derived from the password (e.g. `openssl rand -hex 32`).',
  },
  sessionHours: {
    env: 'DASHBOARD_SESSION_HOURS',
    type: 'integer',
    minimum: 1,
    maximum: 24,
    default: '12',
    description:
      'How long a login lasts; the server forgets the session after this, and at logout.',
  },
  trustedProxies: {
    env: 'DASHBOARD_TRUSTED_PROXIES',
    type: 'list',
    pattern: '^(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(/[0-9]{1,3})?)$',
    default: '',
    description:
      'Addresses (IP or CIDR, or `loopback`) of the reverse proxies in front of the dashboard; only their `X-Forwarded-For` is believed, for the login throttle and the audit log. Empty: the peer address counts.',
  },
} as const satisfies GroupSpec;
