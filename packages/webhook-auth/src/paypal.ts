import { createSign, createVerify, X509Certificate } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** The transmission headers PayPal signs a webhook with. */
export interface PaypalTransmission {
  transmissionId: string;
  transmissionTime: string;
  certUrl: string;
  authAlgo: string;
  transmissionSig: string;
}

type Headers = Record<string, string | string[] | undefined>;

export function readPaypalTransmission(headers: Headers): PaypalTransmission | undefined {
  const get = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const transmissionId = get('paypal-transmission-id');
  const transmissionTime = get('paypal-transmission-time');
  const certUrl = get('paypal-cert-url');
  const authAlgo = get('paypal-auth-algo');
  const transmissionSig = get('paypal-transmission-sig');
  if (!transmissionId || !transmissionTime || !certUrl || !authAlgo || !transmissionSig)
    return undefined;
  return { transmissionId, transmissionTime, certUrl, authAlgo, transmissionSig };
}

/** `transmissionId|transmissionTime|webhookId|crc32(body)`, the string PayPal signs. */
export function paypalSignedString(
  transmissionId: string,
  transmissionTime: string,
  webhookId: string,
  rawBody: string | Buffer,
): string {
  return `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(rawBody) >>> 0}`;
}

/** Signs like PayPal (SHA256withRSA): for the sandbox's webhook simulator and tests. */
export function signPaypal(privateKeyPem: string, signedString: string): string {
  return createSign('sha256').update(signedString).sign(privateKeyPem, 'base64');
}

/**
 * Verifies a transmission signature with the certificate PayPal named (PEM, or
 * parsed once and cached by the caller), checking its validity dates.
 */
export function verifyPaypalSignature(
  certificateOrPem: X509Certificate | string,
  transmission: PaypalTransmission,
  webhookId: string,
  rawBody: string | Buffer,
  now: Date,
): boolean {
  if (transmission.authAlgo !== 'SHA256withRSA') return false;
  let certificate: X509Certificate;
  try {
    certificate =
      typeof certificateOrPem === 'string'
        ? new X509Certificate(certificateOrPem)
        : certificateOrPem;
  } catch {
    return false;
  }
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) return false;
  const signed = paypalSignedString(
    transmission.transmissionId,
    transmission.transmissionTime,
    webhookId,
    rawBody,
  );
  try {
    return createVerify('sha256')
      .update(signed)
      .verify(certificate.publicKey, transmission.transmissionSig, 'base64');
  } catch {
    return false;
  }
}

/**
 * Whether a certificate URL starts with an allowed prefix. `*` in a prefix's
 * host matches one or more labels (`https://*.paypal.com/`).
 */
export function isAllowedCertUrl(certUrl: string, allowedPrefixes: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(certUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return allowedPrefixes.some((prefix) => {
    const pattern = prefix
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[a-z0-9-]+(?:\\.[a-z0-9-]+)*');
    return new RegExp(`^${pattern}`, 'i').test(url.href);
  });
}
