/**
 * Whether a certificate PayPal named may verify its webhooks. PayPal's own
 * Java SDK (paypal/PayPal-Java-SDK, rest-api-sdk/src/main/java/com/paypal/base/SSLUtil.java,
 * `validateCertificateChain`) checks three things, and so do we: the chain
 * leads to a trusted certificate, every certificate is within its validity
 * dates, and the subject CN is `messageverificationcerts…paypal.com`.
 * Without the chain a forger serves a self-signed certificate with PayPal's
 * name and signs with their own key.
 */
import { X509Certificate } from 'node:crypto';

/** `CN=messageverificationcerts.paypal.com`, `…sandbox.paypal.com` and the like. */
const PAYPAL_SIGNING_CN = /^CN=messageverificationcerts[a-z0-9.-]*\.paypal\.com$/i;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/g;
/** A leaf and a few intermediates; a longer chain is not what PayPal serves. */
const MAX_CERTIFICATES = 5;

export type PaypalCertificateVerdict =
  | { ok: true; certificate: X509Certificate }
  | { ok: false; reason: 'unparseable' | 'subject' | 'expired' | 'untrusted_chain' };

/** Every certificate in a PEM text, leaf first; undefined when one cannot be parsed. */
export function parsePemCertificates(pem: string): X509Certificate[] | undefined {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0 || blocks.length > MAX_CERTIFICATES) return undefined;
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch {
    return undefined;
  }
}

function isCurrent(certificate: X509Certificate, now: Date): boolean {
  return new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);
}

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Checks the certificate text downloaded from PAYPAL-CERT-URL: its first
 * certificate is PayPal's signing certificate (subject CN), and it chains,
 * through the intermediates served with it, to one of `roots`.
 */
export function checkPaypalCertificate(
  pem: string,
  roots: readonly X509Certificate[],
  now: Date,
): PaypalCertificateVerdict {
  const served = parsePemCertificates(pem);
  const leaf = served?.[0];
  if (!served || !leaf) return { ok: false, reason: 'unparseable' };
  if (!leaf.subject.split('\n').some((part) => PAYPAL_SIGNING_CN.test(part.trim())))
    return { ok: false, reason: 'subject' };
  if (!isCurrent(leaf, now)) return { ok: false, reason: 'expired' };

  let current = leaf;
  const intermediates = served.slice(1);
  for (let depth = 0; depth <= MAX_CERTIFICATES; depth++) {
    const root = roots.find((candidate) => issuedBy(current, candidate));
    if (root) {
      return isCurrent(root, now)
        ? { ok: true, certificate: leaf }
        : { ok: false, reason: 'expired' };
    }
    const next = intermediates.find(
      (candidate) => candidate !== current && candidate.ca && issuedBy(current, candidate),
    );
    if (!next) break;
    if (!isCurrent(next, now)) return { ok: false, reason: 'expired' };
    current = next;
  }
  return { ok: false, reason: 'untrusted_chain' };
}
