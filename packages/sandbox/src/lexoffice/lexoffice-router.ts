/**
 * Lexware Office's public API, https://developers.lexware.io/docs/: mount at
 * `/lexoffice`. Every request needs `Authorization: Bearer` with the
 * account's key (401 `{"message": "Unauthorized"}` otherwise, docs "Error
 * Codes"), and the account has one token bucket of 2 requests per second over
 * all endpoints (docs "API Rate Limits": 429, the call not performed). The
 * endpoints: sales-documents-router.ts, bookkeeping-router.ts,
 * files-router.ts, the voucher list (voucher-list.ts) and the posting
 * categories (posting-categories.ts).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '@campus/logger';
import type { Clock } from '../clock.js';
import { recordedRequestOf } from '../http/request-log.js';
import { upstreamErrorHandler } from '../http/upstream.js';
import { createBookkeepingRouter } from './bookkeeping-router.js';
import { createFilesRouter } from './files-router.js';
import { lexofficeError } from './lexoffice-errors.js';
import type { LexofficeState } from './lexoffice-state.js';
import { postingCategories } from './posting-categories.js';
import { createSalesDocumentsRouter } from './sales-documents-router.js';
import { listVouchers, VoucherListQueryError } from './voucher-list.js';

interface Deps {
  state: LexofficeState;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}

// Files are 5 MB at most; a larger upload must reach the check to get Lexoffice's 406, not a 413.
const MAX_UPLOAD_BYTES = 12 * 1024 * 1024;

export function createLexofficeRouter(deps: Deps): Router {
  const { state, clock, logger } = deps;
  const router = express.Router();
  const error = (res: Response, req: Request, status: number, message: string) =>
    res.status(status).json(lexofficeError(clock, status, message, req));

  router.use(state.requests.record());
  router.use(express.json({ limit: '1mb' }));
  router.use(express.raw({ type: 'multipart/form-data', limit: MAX_UPLOAD_BYTES }));
  router.use(state.requests.captureBody());
  // A multipart body is logged by its parts (bookkeeping-router.ts), never as bytes.
  router.use((req: Request, res: Response, next: NextFunction) => {
    const entry = recordedRequestOf(res);
    if (entry && Buffer.isBuffer(req.body)) entry.body = { bytes: req.body.length };
    next();
  });
  router.use(state.faults.middleware());

  router.use((req: Request, res: Response, next: NextFunction) => {
    const [scheme, key] = (req.get('authorization') ?? '').split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || key !== state.apiKey) {
      res.status(401).json({ message: 'Unauthorized' });
      return;
    }
    // One bucket for the whole account, every endpoint together.
    if (!state.bucket.take()) {
      logger.debug({ upstream: 'lexoffice', path: req.path }, 'rate limit hit');
      error(res, req, 429, 'Rate limit exceeded');
      return;
    }
    next();
  });

  router.get('/v1/voucherlist', (req: Request, res: Response) => {
    if (!state.voucherlistEnabled) return error(res, req, 404, 'Not Found');
    try {
      return res.json(
        listVouchers([...state.vouchers.values()], req.query as Record<string, string>),
      );
    } catch (cause) {
      if (!(cause instanceof VoucherListQueryError)) throw cause;
      return error(res, req, 400, cause.message);
    }
  });
  router.get('/v1/posting-categories', (_req: Request, res: Response) => {
    res.json(postingCategories());
  });
  router.use(createFilesRouter(state));
  router.use(createBookkeepingRouter(deps));
  router.use(createSalesDocumentsRouter(deps));

  router.use((req: Request, res: Response) => error(res, req, 404, 'Not Found'));
  router.use(
    upstreamErrorHandler((status, message, req) => lexofficeError(clock, status, message, req)),
  );
  return router;
}
