import { X509Certificate } from 'node:crypto';
import type { Logger } from '@campus/logger';
import type { PaypalClient } from '@campus/clients';
import {
  isAllowedCertUrl,
  readPaypalTransmission,
  verifyPaypalSignature,
} from '@campus/webhook-auth';

export type AuthResult = 'ok' | 'unauthorized' | 'unavailable';

type Headers = Record<string, string | string[] | undefined>;

export interface PaypalVerifier {
  verify(headers: Headers, rawBody: Buffer): Promise<AuthResult>;
}

const CERT_CACHE_MS = 24 * 60 * 60 * 1000;
const MAX_CERT_BYTES = 64 * 1024;

/**
 * Local verification (`cert`): the certificate named in PAYPAL-CERT-URL is
 * fetched only from an allow-listed prefix, cached a day per URL, and checked
 * for validity before the SHA256withRSA signature over
 * `id|time|webhookId|crc32(body)` is verified.
 */
export function createCertVerifier(options: {
  webhookId: string;
  allowedCertUrls: readonly string[];
  logger: Logger;
  now?: () => number;
  fetchTimeoutMs?: number;
}): PaypalVerifier {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { certificate: Promise<X509Certificate>; expiresAt: number }>();

  async function download(url: string): Promise<X509Certificate> {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(options.fetchTimeoutMs ?? 3_000),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`certificate download answered ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_CERT_BYTES) throw new Error('certificate larger than 64 KiB');
    return new X509Certificate(text);
  }

  // Parsed once per URL: parsing X.509 costs more than verifying a signature.
  function certificate(url: string): Promise<X509Certificate> {
    const hit = cache.get(url);
    if (hit && hit.expiresAt > now()) return hit.certificate;
    const parsed = download(url);
    cache.set(url, { certificate: parsed, expiresAt: now() + CERT_CACHE_MS });
    // A failed download is not cached: the next delivery tries again.
    parsed.catch(() => cache.delete(url));
    return parsed;
  }

  return {
    async verify(headers, rawBody) {
      const transmission = readPaypalTransmission(headers);
      if (!transmission) return 'unauthorized';
      if (!isAllowedCertUrl(transmission.certUrl, options.allowedCertUrls)) {
        options.logger.warn(
          { certHost: safeHost(transmission.certUrl) },
          'PayPal certificate URL not allow-listed',
        );
        return 'unauthorized';
      }
      let cert: X509Certificate;
      try {
        cert = await certificate(transmission.certUrl);
      } catch (error) {
        options.logger.error(
          { err: error, certHost: safeHost(transmission.certUrl) },
          'PayPal certificate unavailable',
        );
        return 'unavailable';
      }
      return verifyPaypalSignature(cert, transmission, options.webhookId, rawBody, new Date(now()))
        ? 'ok'
        : 'unauthorized';
    },
  };
}

/** Remote verification (`api`): PayPal's verify-webhook-signature endpoint decides. */
export function createApiVerifier(options: {
  webhookId: string;
  client: PaypalClient;
  logger: Logger;
}): PaypalVerifier {
  return {
    async verify(headers, rawBody) {
      const transmission = readPaypalTransmission(headers);
      if (!transmission) return 'unauthorized';
      try {
        const ok = await options.client.verifyWebhookSignature({
          ...transmission,
          webhookId: options.webhookId,
          webhookEvent: JSON.parse(rawBody.toString('utf8')) as unknown,
        });
        return ok ? 'ok' : 'unauthorized';
      } catch (error) {
        if (error instanceof SyntaxError) return 'unauthorized';
        options.logger.error({ err: error }, 'PayPal verify-webhook-signature unavailable');
        return 'unavailable';
      }
    },
  };
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
