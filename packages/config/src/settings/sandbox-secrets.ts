/**
 * Well-known development values: sandbox mode only, printed by `npm start`.
 * Production refuses every one of them, in any variable.
 */
export const SANDBOX_SECRETS = {
  FAKTURIA_WEBHOOK_TOKEN: 'dev-fakturia-token',
  PLENIGO_WEBHOOK_SECRET: 'dev-plenigo-secret',
  PAYPAL_WEBHOOK_ID: 'WH-SANDBOX-0000000000',
  CAMPUS_WEBHOOK_SECRET: 'whsec_ZGV2LWNhbXB1cy13ZWJob29rLXNlY3JldC0wMQ==',
  PAYPAL_CLIENT_ID: 'sandbox-client-id',
  PAYPAL_CLIENT_SECRET: 'sandbox-client-secret',
  MAGIC_CODE_SECRET: 'dev-magic-code-secret',
  LEXOFFICE_API_KEY: 'sandbox-lexoffice-key',
  PROSONATA_API_KEY: 'sandbox-prosonata-key',
  OFFER_LINK_SECRET: 'dev-offer-link-secret',
  DASHBOARD_USER: 'operator',
  DASHBOARD_PASSWORD: 'sandbox-dashboard',
  DASHBOARD_SESSION_SECRET: 'dev-dashboard-session-secret',
} as const;
