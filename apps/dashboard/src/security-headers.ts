import type { RequestHandler } from 'express';

/**
 * Scripts only from the dashboard itself (Bull Board's bundles, none inline),
 * no third-party fonts or styles (Bull Board's page links Google Fonts: the
 * browser refuses them and falls back to system fonts), no framing, no
 * form posts elsewhere. Inline styles stay: Bull Board sets them.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
].join('; ');

/** Bull Board's hashed bundles may be cached; everything else may show job data. */
const CACHEABLE = /^\/queues\/static\//;

/** The headers every dashboard response carries; HSTS in production, where it runs behind TLS. */
export function securityHeaders(options: { production: boolean }): RequestHandler {
  return (req, res, next) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('x-content-type-options', 'nosniff');
    // Not no-referrer: with it, browsers send `Origin: null` on POST, and the CSRF check reads Origin.
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    if (!CACHEABLE.test(req.path)) res.setHeader('cache-control', 'no-store');
    if (options.production) {
      res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    next();
  };
}
