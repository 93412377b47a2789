/**
 * Lexoffice's bookkeeping vouchers, https://developers.lexware.io/docs/
 * (Vouchers Endpoint): `POST /v1/vouchers` (201 with the action result,
 * version 1), `GET /v1/vouchers/{id}` (dates read back as date-times, the
 * attached `files`), `POST /v1/vouchers/{id}/files` (202 `{id}`). The
 * vouchers endpoint answers with the legacy error (`IssueList`).
 * Validation: validate-bookkeeping-voucher.ts; files: voucher-files.ts.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '@campus/logger';
import type { Clock } from '../clock.js';
import { recordedRequestOf } from '../http/request-log.js';
import { baseUrlOf } from '../http/upstream.js';
import { berlinMidnight } from './berlin-time.js';
import { issue, legacyError } from './lexoffice-errors.js';
import {
  actionResult,
  storeVoucher,
  type LexofficeState,
  type StoredVoucher,
} from './lexoffice-state.js';
import { ORGANIZATION_ID } from './sales-documents-router.js';
import {
  validateBookkeepingVoucher,
  type BOOKKEEPING_TYPES,
} from './validate-bookkeeping-voucher.js';
import { readMultipart, voucherFileOf } from './voucher-files.js';

interface Deps {
  state: LexofficeState;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The voucher as `GET /v1/vouchers/{id}` shows it. */
function readBack(voucher: StoredVoucher) {
  const body = isObject(voucher.request) ? voucher.request : {};
  const dateTime = (value: unknown) =>
    typeof value === 'string' ? berlinMidnight(value) : undefined;
  return {
    id: voucher.id,
    organizationId: ORGANIZATION_ID,
    ...body,
    voucherStatus: voucher.voucherStatus,
    voucherDate: dateTime(body.voucherDate),
    ...(body.shippingDate === undefined ? {} : { shippingDate: dateTime(body.shippingDate) }),
    // The docs: without a due date, the voucher date is taken.
    dueDate: dateTime(body.dueDate ?? body.voucherDate),
    files: voucher.files,
    createdDate: voucher.createdDate,
    updatedDate: voucher.updatedDate,
    version: voucher.version,
  };
}

/** Bookkeeping vouchers and their files: mount on the Lexoffice router. */
export function createBookkeepingRouter({ state, clock, logger, publicUrl }: Deps): Router {
  const router = express.Router();
  const notFound = (res: Response) =>
    res.status(404).json(legacyError([issue('not_found', 'id', 'not_found')]));

  function find(req: Request, res: Response): StoredVoucher | undefined {
    const voucher = state.vouchers.get(String(req.params.id));
    if (
      voucher &&
      (voucher.voucherType === 'salesinvoice' || voucher.voucherType === 'salescreditnote')
    )
      return voucher;
    notFound(res);
    return undefined;
  }

  router.post('/v1/vouchers', (req: Request, res: Response) => {
    if (!req.is('application/json'))
      return res
        .status(415)
        .json(legacyError([issue('bad_request_error', null, 'bad_request_error')]));
    const issues = validateBookkeepingVoucher(req.body);
    if (issues.length > 0) return res.status(406).json(legacyError(issues));
    const body = req.body as { type: (typeof BOOKKEEPING_TYPES)[number]; voucherNumber: string };
    const voucher = storeVoucher(state, clock.now(), `${baseUrlOf(req, publicUrl)}/v1/vouchers`, {
      voucherType: body.type,
      voucherNumber: body.voucherNumber,
      voucherStatus: 'open',
      request: req.body,
    });
    logger.info(
      { upstream: 'lexoffice', voucherType: body.type, voucherId: voucher.id },
      'voucher booked',
    );
    return res.status(201).json(actionResult(voucher));
  });

  router.get('/v1/vouchers/:id', (req: Request, res: Response) => {
    const voucher = find(req, res);
    if (voucher) res.json(readBack(voucher));
  });

  router.post('/v1/vouchers/:id/files', async (req: Request, res: Response) => {
    const voucher = find(req, res);
    if (!voucher) return;
    const contentType = req.get('content-type') ?? '';
    if (!req.is('multipart/form-data') || !Buffer.isBuffer(req.body))
      return res
        .status(415)
        .json(legacyError([issue('bad_request_error', null, 'bad_request_error')]));
    let form: FormData;
    try {
      const parsed = await readMultipart(req.body, contentType);
      form = parsed.form;
      const entry = recordedRequestOf(res);
      if (entry) entry.body = { multipart: parsed.summary };
    } catch {
      return res
        .status(400)
        .json(legacyError([issue('bad_request_error', null, 'bad_request_error')]));
    }
    const file = await voucherFileOf(form);
    if (Array.isArray(file)) return res.status(406).json(legacyError(file));
    const same = voucher.files
      .map((fileId) => state.files.get(fileId))
      .find((stored) => stored?.sha256 === file.sha256);
    if (same) return res.status(202).json({ id: same.id });
    const id = randomUUID();
    state.files.set(id, { id, voucherId: voucher.id, size: file.data.length, ...file });
    voucher.files.push(id);
    logger.info(
      { upstream: 'lexoffice', voucherId: voucher.id, fileId: id },
      'voucher file attached',
    );
    return res.status(202).json({ id });
  });

  return router;
}
