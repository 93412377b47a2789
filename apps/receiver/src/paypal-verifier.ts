import type { Logger } from '@campus/logger';
import type { PaypalClient } from '@campus/clients';
import {
  isAllowedCertUrl,
  parseTransmissionTime,
  readPaypalTransmission,
  verifyPaypalSignature,
  type PaypalTransmission,
} from '@campus/webhook-auth';
import { UnavailableError, withDeadline } from './deadline.js';
import { CertificateUnavailableError, type CertificateSource } from './paypal-certificates.js';
import type { PaypalAuthMetrics, PaypalRejection } from './paypal-metrics.js';
import { bodyHash, type TransmissionStore } from './paypal-transmissions.js';

export type AuthResult = 'ok' | 'unauthorized' | 'unavailable';

type Headers = Record<string, string | string[] | undefined>;

export interface PaypalVerifier {
  verify(headers: Headers, rawBody: Buffer): Promise<AuthResult>;
  metrics: PaypalAuthMetrics;
}

/** What checking the signature itself says, after the cheap checks passed. */
export type SignatureOutcome =
  { ok: true } | { ok: false; reason: PaypalRejection } | { unavailable: string; cause?: unknown };

/** Checks a transmission's signature: locally with the certificate (`cert`) or with PayPal's API (`api`). */
export type SignatureCheck = (
  transmission: PaypalTransmission,
  rawBody: Buffer,
) => Promise<SignatureOutcome>;

/**
 * PayPal's transmission signature covers `id|time|webhookId|crc32(body)`, and
 * CRC32 can be forged: with one genuine delivery an attacker can write any
 * body with the same CRC32 (issue #9). So, before the signature: the headers
 * are all there, the time lies within the window (PayPal signs every
 * redelivery afresh), the certificate URL is PayPal's, and the transmission id
 * was not seen with another body. These cheap checks come first, so that
 * nothing is downloaded for a delivery they refuse. After the signature the id
 * is remembered; the same id with the same body is a redelivery and goes on
 * to the usual duplicate handling.
 */
export function createPaypalVerifier(options: {
  allowedCertUrls: readonly string[];
  windowSeconds: number;
  transmissions: TransmissionStore;
  check: SignatureCheck;
  metrics: PaypalAuthMetrics;
  logger: Logger;
  now: () => number;
  /** How long Redis may take to answer the replay check. */
  redisTimeoutMs?: number;
}): PaypalVerifier {
  const { metrics, logger } = options;
  const redisMs = options.redisTimeoutMs ?? 2_000;
  const warnings = throttledWarning(logger, options.now);

  const refuse = (reason: PaypalRejection): AuthResult => {
    metrics.rejected(reason);
    logger.debug({ reason }, 'PayPal delivery refused');
    return 'unauthorized';
  };

  async function verify(headers: Headers, rawBody: Buffer): Promise<AuthResult> {
    const transmission = readPaypalTransmission(headers);
    if (!transmission) return refuse('missing_headers');
    const sentAt = parseTransmissionTime(transmission.transmissionTime);
    if (sentAt === undefined) return refuse('bad_time');
    if (Math.abs(options.now() - sentAt) > options.windowSeconds * 1000)
      return refuse('outside_window');
    if (!isAllowedCertUrl(transmission.certUrl, options.allowedCertUrls)) return refuse('cert_url');
    if (transmission.authAlgo !== 'SHA256withRSA') return refuse('auth_algo');
    const hash = bodyHash(rawBody);
    const seen = await withDeadline(
      options.transmissions.lookup(transmission.transmissionId),
      redisMs,
    );
    if (seen !== undefined && seen !== hash) return refuse('transmission_reused');

    const outcome = await options.check(transmission, rawBody);
    if ('unavailable' in outcome) {
      metrics.unavailable(outcome.unavailable);
      warnings.warn(outcome.unavailable, outcome.cause);
      return 'unavailable';
    }
    if (!outcome.ok) return refuse(outcome.reason);

    const remembered = await withDeadline(
      options.transmissions.remember(transmission.transmissionId, hash),
      redisMs,
    );
    // Two deliveries with one id raced past the lookup: the first body wins.
    if (remembered !== hash) return refuse('transmission_reused');
    return 'ok';
  }

  return {
    metrics,
    async verify(headers, rawBody) {
      try {
        return await verify(headers, rawBody);
      } catch (error) {
        if (!(error instanceof UnavailableError)) throw error;
        metrics.unavailable('redis');
        warnings.warn('redis', error.cause ?? error);
        return 'unavailable';
      }
    },
  };
}

/** Local verification: the certificate PayPal names, checked and cached by `certificates`. */
export function createCertSignatureCheck(options: {
  webhookId: string;
  certificates: CertificateSource;
  now: () => number;
}): SignatureCheck {
  return async (transmission, rawBody) => {
    let lookup;
    try {
      lookup = await options.certificates.get(transmission.certUrl);
    } catch (error) {
      if (error instanceof CertificateUnavailableError)
        return { unavailable: `certificate_${error.reason}`, cause: error };
      throw error;
    }
    if (!lookup.ok) return lookup;
    const valid = verifyPaypalSignature(
      lookup.certificate,
      transmission,
      options.webhookId,
      rawBody,
      new Date(options.now()),
    );
    return valid ? { ok: true } : { ok: false, reason: 'bad_signature' };
  };
}

/**
 * Remote verification: PayPal's verify-webhook-signature API, given the body
 * exactly as it arrived (PayPal computes the CRC32 over the bytes it is sent).
 */
export function createApiSignatureCheck(options: {
  webhookId: string;
  client: PaypalClient;
}): SignatureCheck {
  return async (transmission, rawBody) => {
    const text = rawBody.toString('utf8');
    try {
      JSON.parse(text);
    } catch {
      return { ok: false, reason: 'not_json' };
    }
    try {
      const ok = await options.client.verifyWebhookSignature({
        ...transmission,
        webhookId: options.webhookId,
        rawEvent: text,
      });
      return ok ? { ok: true } : { ok: false, reason: 'bad_signature' };
    } catch (error) {
      return { unavailable: 'verify_api', cause: error };
    }
  };
}

/**
 * A failed certificate download or verify call is counted for every delivery
 * but logged as a warning at most once a minute per reason: PayPal's retries
 * must not flood the log.
 */
function throttledWarning(logger: Logger, now: () => number) {
  const last = new Map<string, number>();
  return {
    warn(reason: string, cause: unknown) {
      const at = now();
      if ((last.get(reason) ?? -Infinity) > at - 60_000) {
        logger.debug({ reason }, 'PayPal verification unavailable');
        return;
      }
      last.set(reason, at);
      logger.warn(
        { reason, err: cause instanceof Error ? cause.message : undefined },
        'PayPal verification unavailable: answering 503 until it recovers (counted in campus_paypal_verification_unavailable_total)',
      );
    },
  };
}
