import type { Request } from 'express';
import { safeEqual } from '@campus/webhook-auth';

/** Why a state-changing request is refused, as the answer says it. */
export interface Refusal {
  status: 403 | 415;
  error: string;
  message: string;
}

/**
 * Whether a request comes from a page of this dashboard: its Origin (which
 * browsers send with every POST, PUT, PATCH and DELETE) names this host, or
 * it carries the session's CSRF token in `X-CSRF-Token` (for scripts).
 * `Sec-Fetch-Site`, where sent, must say same-origin.
 */
export function fromThisDashboard(req: Request, csrf: string | undefined): boolean {
  const token = req.get('x-csrf-token');
  if (token !== undefined && csrf !== undefined && safeEqual(token, csrf)) return true;
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}

/** A body, if any, must be JSON: an HTML form cannot send JSON, and a cross-site script cannot without CORS. */
function bodyIsJson(req: Request): boolean {
  const type = req.get('content-type');
  const hasBody =
    req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
  if (type === undefined) return !hasBody;
  return type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * CSRF protection for the dashboard's API (Bull Board's add, retry, clean,
 * remove, promote, pause; the quarantine replay): same origin or CSRF token,
 * and a body only as JSON. Undefined when the request may go on.
 */
export function refuseCrossSite(req: Request, csrf: string | undefined): Refusal | undefined {
  if (!fromThisDashboard(req, csrf)) {
    return {
      status: 403,
      error: 'cross_site_request',
      message:
        'Changes are accepted only from this dashboard’s own pages (Origin) or with the X-CSRF-Token of the session.',
    };
  }
  if (!bodyIsJson(req)) {
    return {
      status: 415,
      error: 'unsupported_media_type',
      message: 'Send changes as application/json.',
    };
  }
  return undefined;
}
