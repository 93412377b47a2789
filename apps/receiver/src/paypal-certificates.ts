import type { X509Certificate } from 'node:crypto';
import { checkPaypalCertificate } from '@campus/webhook-auth';
import type { PaypalRejection } from './paypal-metrics.js';

/** The certificate could not be had (download failed, too large, too many downloads): 503. */
export class CertificateUnavailableError extends Error {
  override name = 'CertificateUnavailableError';
  constructor(
    readonly reason: 'status' | 'too_large' | 'network' | 'download_limit',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type CertificateLookup =
  { ok: true; certificate: X509Certificate } | { ok: false; reason: PaypalRejection };

export interface CertificateSource {
  /** The checked certificate at `url`; throws CertificateUnavailableError when it cannot be had. */
  get(url: string): Promise<CertificateLookup>;
}

export interface CertificateSourceOptions {
  /** Roots a certificate must chain to: Node's public roots, plus a test CA outside production. */
  roots: readonly X509Certificate[];
  now: () => number;
  fetchTimeoutMs?: number;
  /** A PEM chain is a few KiB; more is refused while reading, not after. */
  maxBytes?: number;
  /** Certificates kept (one per URL; PayPal rotates them rarely). */
  cacheSize?: number;
  cacheMs?: number;
  /** New downloads a minute: unknown URLs under PayPal's prefix must not make us a crawler. */
  maxDownloadsPerMinute?: number;
}

const REASONS = {
  subject: 'cert_subject',
  untrusted_chain: 'cert_untrusted',
  expired: 'cert_expired',
  unparseable: 'cert_unparseable',
} as const;

/**
 * Downloads PayPal's certificates, bounded in size, time, number and cache,
 * and checks each once (subject CN, chain to a root, validity): parsing and
 * chain building cost far more than verifying a signature.
 */
export function createCertificateSource(options: CertificateSourceOptions): CertificateSource {
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const cacheSize = options.cacheSize ?? 16;
  const cacheMs = options.cacheMs ?? 24 * 60 * 60 * 1000;
  const maxDownloads = options.maxDownloadsPerMinute ?? 30;
  const cache = new Map<string, { lookup: Promise<CertificateLookup>; expiresAt: number }>();
  let minute = { startedAt: 0, downloads: 0 };

  function countDownload() {
    const now = options.now();
    if (now - minute.startedAt >= 60_000) minute = { startedAt: now, downloads: 0 };
    if (minute.downloads >= maxDownloads) {
      throw new CertificateUnavailableError(
        'download_limit',
        `more than ${maxDownloads} PayPal certificate downloads this minute`,
      );
    }
    minute.downloads++;
  }

  async function download(url: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(options.fetchTimeoutMs ?? 3_000),
        redirect: 'error',
      });
    } catch (cause) {
      throw new CertificateUnavailableError('network', 'certificate download failed', { cause });
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => {});
      throw new CertificateUnavailableError(
        'status',
        `certificate download answered ${response.status}`,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) {
      await response.body.cancel().catch(() => {});
      throw new CertificateUnavailableError('too_large', `certificate over ${maxBytes} bytes`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          throw new CertificateUnavailableError('too_large', `certificate over ${maxBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof CertificateUnavailableError) throw error;
      throw new CertificateUnavailableError('network', 'certificate download broke off', {
        cause: error,
      });
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function load(url: string): Promise<CertificateLookup> {
    countDownload();
    const pem = await download(url);
    const verdict = checkPaypalCertificate(pem, options.roots, new Date(options.now()));
    return verdict.ok
      ? { ok: true, certificate: verdict.certificate }
      : { ok: false, reason: REASONS[verdict.reason] };
  }

  return {
    get(url) {
      const now = options.now();
      const hit = cache.get(url);
      if (hit && hit.expiresAt > now) return hit.lookup;
      cache.delete(url);
      const lookup = load(url);
      // Oldest first out: a Map keeps insertion order.
      while (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(url, { lookup, expiresAt: now + cacheMs });
      // Only a certificate that checked out is kept; anything else is asked again next time.
      const forget = () => {
        if (cache.get(url)?.lookup === lookup) cache.delete(url);
      };
      lookup.then((result) => {
        if (!result.ok) forget();
      }, forget);
      return lookup;
    },
  };
}
