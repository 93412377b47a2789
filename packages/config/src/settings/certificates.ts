import type { GroupSpec } from './define.js';

/** worker-certificate-mail: where the mail and the PDF send a reader to check a certificate. */
export const certificates = {
  publicBaseUrl: {
    env: 'PUBLIC_BASE_URL',
    type: 'string',
    format: 'uri',
    requiredInProduction: true,
    sandboxDefault: 'http://127.0.0.1:3000',
    description:
      "The receiver's public URL (its public face, behind your TLS proxy): the certificate mail and PDF link to `<PUBLIC_BASE_URL>/zertifikate/<number>`, the page that confirms a certificate.",
  },
} as const satisfies GroupSpec;

/** The receiver's certificate page, `GET /zertifikate/{nummer}`. */
export const certificatePage = {
  lookupsPerMinute: {
    env: 'CERTIFICATE_LOOKUPS_PER_MINUTE',
    type: 'integer',
    minimum: 1,
    default: '30',
    description:
      'Certificate lookups one client address may make per minute on `/zertifikate/{number}` (across every receiver process, counted in Redis); past it 429 with Retry-After.',
  },
  trustedProxies: {
    env: 'RECEIVER_TRUSTED_PROXIES',
    type: 'list',
    pattern: '^(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(/[0-9]{1,3})?)$',
    default: '',
    description:
      "Addresses (IP or CIDR, or `loopback`) of the reverse proxies in front of the receiver; only their `X-Forwarded-For` is believed for the certificate page's per-client limit. Empty: the peer address counts (behind a proxy, every client would then share one limit).",
  },
} as const satisfies GroupSpec;
