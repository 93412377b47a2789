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
  FAKTURIA_API_KEY: 'sandbox-fakturia-key',
  MAGIC_CODE_SECRET: 'dev-magic-code-secret',
  LEXOFFICE_API_KEY: 'sandbox-lexoffice-key',
  PROSONATA_API_KEY: 'sandbox-prosonata-key',
  OFFER_LINK_SECRET: 'dev-offer-link-secret',
  DASHBOARD_USER: 'operator',
  DASHBOARD_PASSWORD: 'sandbox-dashboard',
  DASHBOARD_SESSION_SECRET: 'dev-dashboard-session-secret',
  /**
   * The root the sandbox's PayPal certificate chains to (its key is in
   * packages/sandbox/src/paypal/dev-ca.ts): published, so never trusted in production.
   */
  PAYPAL_CERT_TEST_CA: `-----BEGIN CERTIFICATE-----
MIIDtTCCAp2gAwIBAgIUVUNzgomSCaj71b9ihTjeYJi3KYswDQYJKoZIhvcNAQEL
BQAwYjExMC8GA1UECgwoY2FtcHVzLWV2ZW50cyBzYW5kYm94IChkZXZlbG9wbWVu
dCBvbmx5KTEtMCsGA1UEAwwkY2FtcHVzLWV2ZW50cyBzYW5kYm94IFBheVBhbCB0
ZXN0IENBMB4XDTI2MTEzMDIwMTE1MFoXDTQ2MTEyNTIwMTE1MFowYjExMC8GA1UE
CgwoY2FtcHVzLWV2ZW50cyBzYW5kYm94IChkZXZlbG9wbWVudCBvbmx5KTEtMCsG
A1UEAwwkY2FtcHVzLWV2ZW50cyBzYW5kYm94IFBheVBhbCB0ZXN0IENBMIIBIjAN
BgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAn6xfs8NQ96uTJYeWMbR7nxz40soy
FaB9kLT2m/FjU0TuZZjzmNVoPf4GtJs0GJx9Kxy7ssiYx2DUHNjYi6hM/3kiREfn
bA7wiYEvOWC0ZM3It32DHgPNvqPbVWuV/mybA3DatiRPGJObK9lX62YhSTSXHOJg
VkZdDIGvaN30EwCLpeX8srhzwmRtJDa45IIo0beEOFQdnS4wajkAt1zDggC+qgzz
o4bvF5wVborK87c3ijLrTTzpKi5geyeOSQ1OePzl4ecof9myxs1yn47qpR94+Dum
CPRLnoTSCBmQBF6hG27TphfReiIQFgBFd2bxlq9BEX/ABWmudO08XDzkJQIDAQAB
o2MwYTAdBgNVHQ4EFgQUk9SNKISkCKfYQ+ssOli/cVnF5s0wHwYDVR0jBBgwFoAU
k9SNKISkCKfYQ+ssOli/cVnF5s0wDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8E
BAMCAQYwDQYJKoZIhvcNAQELBQADggEBAFKT6haFR3gT0/mEXDTxcTwt08/Zte7D
fSimZsKTLxO8fcCoFyLGNBmgvu77esnph9Y11d1dbGFpqkkfpSe1XT98AnL5m4K0
oxml7+Y4ihFbvBSeUQi0nL4JeQVhU20mIPdZ1bOCKhGJHW/uBYH44pWbCykKb3dg
dTOk4OPvCKq8Me8HXc5e4cO+aUsWewp1gSrtmy98P53LANrqv7065RCq/YxL7gil
N8zI2WcLve+tP81dhE2efD53hETcpP5ICml2G3pXJweA9sWizhVP96F8ss0XplI/
Zt4qe9o0fqe1x2fZo8exu+9zlPYnniUNjiNbh8IWLt8dhAzD/mGkQrE=
-----END CERTIFICATE-----
`,
} as const;
