import { generate } from 'selfsigned';

/** The key pair and certificate the sandbox signs PayPal webhooks with. */
export interface PaypalCertificate {
  privateKeyPem: string;
  certificatePem: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A fresh RSA key and self-signed X.509 certificate, valid from yesterday for a year. */
export async function generatePaypalCertificate(
  now: Date = new Date(),
): Promise<PaypalCertificate> {
  const pems = await generate(
    [{ name: 'commonName', value: 'messageverificationcerts.sandbox.campus.local' }],
    {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - DAY_MS),
      notAfterDate: new Date(now.getTime() + 365 * DAY_MS),
    },
  );
  return { privateKeyPem: pems.private, certificatePem: pems.cert };
}
