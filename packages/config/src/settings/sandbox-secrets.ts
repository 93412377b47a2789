/** Well-known development secrets: sandbox mode only, printed by `npm start`. */
export const SANDBOX_SECRETS = {
  FAKTURIA_WEBHOOK_TOKEN: 'dev-fakturia-token',
  PLENIGO_WEBHOOK_SECRET: 'dev-plenigo-secret',
  PAYPAL_WEBHOOK_ID: 'WH-SANDBOX-0000000000',
  CAMPUS_WEBHOOK_SECRET: 'whsec_ZGV2LWNhbXB1cy13ZWJob29rLXNlY3JldC0wMQ==',
  PAYPAL_CLIENT_ID: 'sandbox-client-id',
  PAYPAL_CLIENT_SECRET: 'sandbox-client-secret',
  FAKTURIA_API_KEY: 'sandbox-fakturia-key',
  MAGIC_CODE_SECRET: 'dev-magic-code-secret',
  DASHBOARD_USER: 'operator',
  DASHBOARD_PASSWORD: 'sandbox-dashboard',
} as const;
