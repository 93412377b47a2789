import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '@campus/logger';
import type { Clock } from '../clock.js';
import { baseUrlOf, upstreamErrorHandler } from '../http/upstream.js';
import {
  lexofficeError,
  type LexofficeState,
  type LexofficeVoucherType,
  type StoredVoucher,
} from './lexoffice-state.js';
import { validateVoucher } from './validate-voucher.js';
import { listVouchers } from './voucher-list.js';

interface Deps {
  state: LexofficeState;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}

const COLLECTIONS: Record<string, LexofficeVoucherType> = {
  invoices: 'invoice',
  'credit-notes': 'creditnote',
};

/** Lexoffice's public API, the two voucher endpoints the workers use: mount at `/lexoffice`. */
export function createLexofficeRouter({ state, clock, logger, publicUrl }: Deps): Router {
  const router = express.Router();
  const error = (
    res: Response,
    req: Request,
    status: number,
    message: string,
    details?: unknown[],
  ) => res.status(status).json(lexofficeError(clock, status, message, req, details));

  router.use(state.requests.record());
  router.use(express.json({ limit: '1mb' }));
  router.use(state.requests.captureBody());
  router.use(state.faults.middleware());

  router.use((req: Request, res: Response, next: NextFunction) => {
    const auth = req.get('authorization') ?? '';
    if (!/^Bearer\s+\S+/i.test(auth)) {
      error(res, req, 401, 'Unauthorized');
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

  router.post('/v1/:collection', (req: Request, res: Response) => {
    const voucherType = COLLECTIONS[String(req.params.collection)];
    if (!voucherType) {
      error(res, req, 404, 'Not Found');
      return;
    }
    if (
      req.query.finalize !== undefined &&
      req.query.finalize !== 'true' &&
      req.query.finalize !== 'false'
    ) {
      error(res, req, 400, 'finalize must be true or false');
      return;
    }
    const details = validateVoucher(req.body);
    if (details.length > 0) {
      error(
        res,
        req,
        400,
        'Validation failed for request. Please see details list for specific causes.',
        details,
      );
      return;
    }
    const id = randomUUID();
    const now = new Date(clock.now()).toISOString();
    const voucher: StoredVoucher = {
      id,
      voucherType,
      resourceUri: `${baseUrlOf(req, publicUrl)}/v1/${String(req.params.collection)}/${id}`,
      createdDate: now,
      updatedDate: now,
      version: 1,
      request: req.body,
    };
    state.vouchers.set(id, voucher);
    logger.info({ upstream: 'lexoffice', voucherType, voucherId: id }, 'voucher created');
    res.status(201).json({
      id,
      resourceUri: voucher.resourceUri,
      createdDate: voucher.createdDate,
      updatedDate: voucher.updatedDate,
      version: voucher.version,
    });
  });

  // Lexoffice's voucher list: what a client searches after a lost answer.
  router.get('/v1/voucherlist', (req: Request, res: Response) => {
    if (!state.voucherlistEnabled) {
      error(res, req, 404, 'Not Found');
      return;
    }
    res.json(listVouchers([...state.vouchers.values()], req.query as Record<string, string>));
  });

  router.get('/v1/:collection/:id', (req: Request, res: Response) => {
    const voucherType = COLLECTIONS[String(req.params.collection)];
    const voucher = state.vouchers.get(String(req.params.id));
    if (!voucherType || !voucher || voucher.voucherType !== voucherType) {
      error(res, req, 404, 'Not Found');
      return;
    }
    const request =
      typeof voucher.request === 'object' && voucher.request !== null ? voucher.request : {};
    res.json({
      ...request,
      id: voucher.id,
      voucherStatus: 'open',
      createdDate: voucher.createdDate,
      updatedDate: voucher.updatedDate,
      version: voucher.version,
    });
  });

  router.use((req: Request, res: Response) => error(res, req, 404, 'Not Found'));
  router.use(
    upstreamErrorHandler((status, message, req) => lexofficeError(clock, status, message, req)),
  );
  return router;
}
