import type { Request, RequestHandler, Response } from 'express';
import type { CertificateRegistry, ZertifikatEntry } from '@campus/certificate-registry';
import { normaliseNummer } from '@campus/certificate-registry';
import type { Logger } from '@campus/logger';
import type { RedisClient } from '@campus/queues';
import {
  CERTIFICATE_PAGE_CSP,
  certificateFoundPage,
  certificateNotFoundPage,
  tooManyLookupsPage,
  unavailablePage,
} from './certificate-page-html.js';
import { withDeadline } from './deadline.js';

export interface CertificatePageDeps {
  registry: CertificateRegistry;
  redis: RedisClient;
  prefix: string;
  /** CERTIFICATE_LOOKUPS_PER_MINUTE: per client address, across every receiver process. */
  lookupsPerMinute: number;
  deadlineMs: number;
  logger: Logger;
  now: () => number;
}

const WINDOW_SECONDS = 60;

// Counts the lookup in the client's current minute; the first one starts the window's expiry.
const COUNT_LOOKUP = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
`;

type Answer =
  | { status: 200; entry: ZertifikatEntry & { sha256: string } }
  | { status: 404 }
  | { status: 429; retryAfter: number }
  | { status: 503 };

/**
 * `GET /zertifikate/{nummer}`: the receiver's public face. Confirms a
 * certificate (name, course, dates, number, the PDF's sha256; never the
 * e-mail address) as a German page, or as JSON for `Accept: application/json`;
 * 404 for a number the registry does not hold (or no longer: erased). Each
 * client address has CERTIFICATE_LOOKUPS_PER_MINUTE lookups a minute (a fixed
 * window in Redis), then 429 with Retry-After, so numbers cannot be walked.
 */
export function createCertificatePage(deps: CertificatePageDeps): RequestHandler {
  async function answer(req: Request): Promise<Answer> {
    const nowSeconds = Math.floor(deps.now() / 1000);
    const window = Math.floor(nowSeconds / WINDOW_SECONDS);
    const key = `${deps.prefix}:zertifikat-lookups:${req.ip ?? 'unknown'}:${window}`;
    const count = (await withDeadline(
      deps.redis.eval(COUNT_LOOKUP, 1, key, WINDOW_SECONDS),
      deps.deadlineMs,
    )) as number;
    if (count > deps.lookupsPerMinute) {
      return { status: 429, retryAfter: (window + 1) * WINDOW_SECONDS - nowSeconds };
    }
    const nummer = normaliseNummer(String(req.params.nummer ?? ''));
    if (nummer === undefined) return { status: 404 };
    const entry = await withDeadline(deps.registry.find(nummer), deps.deadlineMs);
    return entry?.sha256 === undefined
      ? { status: 404 }
      : { status: 200, entry: { ...entry, sha256: entry.sha256 } };
  }

  return (req, res) => {
    answer(req)
      .catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'certificate lookup failed: Redis unavailable');
        return { status: 503 } as const;
      })
      .then((result) => send(req, res, result))
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'certificate page failed');
        if (!res.headersSent) res.status(500).end();
      });
  };
}

function send(req: Request, res: Response, result: Answer): void {
  const json = req.accepts(['text/html', 'application/json']) === 'application/json';
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('vary', 'Accept');
  if (result.status === 429) res.setHeader('retry-after', String(result.retryAfter));
  if (result.status === 503) res.setHeader('retry-after', '5');
  res.status(result.status);
  if (json) {
    res.json(jsonBody(result));
    return;
  }
  res.setHeader('content-security-policy', CERTIFICATE_PAGE_CSP);
  res.type('html').send(htmlBody(result));
}

function jsonBody(result: Answer): unknown {
  switch (result.status) {
    case 200:
      return {
        gueltig: true,
        nummer: result.entry.nummer,
        teilnehmerName: result.entry.teilnehmerName,
        kurs: result.entry.kurs,
        abschlussDatum: result.entry.abschlussDatum,
        ausgestelltAm: result.entry.ausgestelltAm,
        sha256: result.entry.sha256,
      };
    case 404:
      return {
        error: 'not_found',
        message: 'Unter dieser Nummer ist kein Zertifikat von Campus verzeichnet.',
      };
    case 429:
      return { error: 'too_many_requests', retryAfterSeconds: result.retryAfter };
    case 503:
      return { error: 'unavailable' };
  }
}

function htmlBody(result: Answer): string {
  switch (result.status) {
    case 200:
      return certificateFoundPage(result.entry);
    case 404:
      return certificateNotFoundPage();
    case 429:
      return tooManyLookupsPage(result.retryAfter);
    case 503:
      return unavailablePage();
  }
}
