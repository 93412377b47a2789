import { generate } from 'selfsigned';
import { SANDBOX_PAYPAL_CA } from './dev-ca.js';

/** The key pair and certificate the sandbox signs PayPal webhooks with. */
export interface PaypalCertificate {
  privateKeyPem: string;
  certificatePem: string;
}

/** A certificate authority as PEM: its certificate and private key. */
export interface CertificateAuthority {
  cert: string;
  key: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** PayPal's signing certificates are named like this (SSLUtil.java of PayPal's Java SDK checks it). */
export const SANDBOX_SIGNING_CN = 'messageverificationcerts.sandbox.paypal.com';

/** A fresh self-signed CA (for tests that need a root of their own). */
export async function generateTestCa(
  commonName = 'campus-events test CA',
  now: Date = new Date(),
): Promise<CertificateAuthority> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - DAY_MS),
    notAfterDate: new Date(now.getTime() + 3650 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * A certificate issued by `ca` (self-signed without one), named `commonName`:
 * PayPal's signing certificate, or whatever a test needs to forge.
 */
export async function issueCertificate(options: {
  ca?: CertificateAuthority;
  commonName?: string;
  now?: Date;
  validFrom?: Date;
  validTo?: Date;
  /** An intermediate CA rather than a leaf. */
  isCa?: boolean;
}): Promise<PaypalCertificate> {
  const now = options.now ?? new Date();
  const pems = await generate(
    [{ name: 'commonName', value: options.commonName ?? SANDBOX_SIGNING_CN }],
    {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: options.validFrom ?? new Date(now.getTime() - DAY_MS),
      notAfterDate: options.validTo ?? new Date(now.getTime() + 365 * DAY_MS),
      extensions: options.isCa
        ? [
            { name: 'basicConstraints', cA: true, critical: true },
            { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          ]
        : [
            { name: 'basicConstraints', cA: false },
            { name: 'keyUsage', digitalSignature: true, critical: true },
          ],
      ...(options.ca ? { ca: options.ca } : {}),
    },
  );
  return { privateKeyPem: pems.private, certificatePem: pems.cert };
}

/**
 * The sandbox's signing certificate: a fresh key, issued by the sandbox CA
 * (PAYPAL_CERT_TEST_CA's default in sandbox mode), valid from yesterday for a year.
 */
export function generatePaypalCertificate(now: Date = new Date()): Promise<PaypalCertificate> {
  return issueCertificate({ ca: SANDBOX_PAYPAL_CA, now });
}
