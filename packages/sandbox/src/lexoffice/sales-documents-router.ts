/**
 * Lexoffice's invoices and credit notes, https://developers.lexware.io/docs/
 * (Invoices Endpoint, Credit Notes Endpoint): create (`?finalize=true` gives
 * an `open` document, else a `draft`), read back with Lexoffice's number,
 * status and computed totals, render the PDF (`GET …/{id}/document` →
 * `{documentFileId}`, 406 for a draft) and download it (`GET …/{id}/file`,
 * 409 for a draft). Validation: validate-sales-document.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '@campus/logger';
import type { Clock } from '../clock.js';
import { baseUrlOf } from '../http/upstream.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { lexofficeError, VALIDATION_FAILED } from './lexoffice-errors.js';
import {
  actionResult,
  storeVoucher,
  type LexofficeState,
  type StoredFile,
  type StoredVoucher,
} from './lexoffice-state.js';
import { salesDocumentTotals } from './sales-document-totals.js';
import { validateSalesDocument } from './validate-sales-document.js';

interface Deps {
  state: LexofficeState;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}

export const ORGANIZATION_ID = 'aa93e8a8-2aa3-470b-b914-caad8a255dd8';
const COLLECTIONS = { invoices: 'invoice', 'credit-notes': 'creditnote' } as const;
type Collection = keyof typeof COLLECTIONS;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The document as `GET /v1/invoices/{id}` shows it. */
function readBack(voucher: StoredVoucher) {
  const body = isObject(voucher.request) ? voucher.request : {};
  const lines = Array.isArray(body.lineItems) ? body.lineItems.filter(isObject) : [];
  const taxType =
    isObject(body.taxConditions) && body.taxConditions.taxType === 'gross' ? 'gross' : 'net';
  const totals = salesDocumentTotals(lines, taxType);
  return {
    ...body,
    id: voucher.id,
    organizationId: ORGANIZATION_ID,
    createdDate: voucher.createdDate,
    updatedDate: voucher.updatedDate,
    version: voucher.version,
    language: body.language ?? 'de',
    archived: false,
    voucherStatus: voucher.voucherStatus,
    voucherNumber: voucher.voucherNumber,
    lineItems: lines.map((line, index) =>
      line.type === 'text' ? line : { ...line, lineItemAmount: totals.lineAmounts[index] },
    ),
    totalPrice: { ...(isObject(body.totalPrice) ? body.totalPrice : {}), ...totals.totalPrice },
    taxAmounts: totals.taxAmounts,
    ...(voucher.documentFileId ? { files: { documentFileId: voucher.documentFileId } } : {}),
  };
}

/** Invoices and credit notes: mount on the Lexoffice router. */
export function createSalesDocumentsRouter({ state, clock, logger, publicUrl }: Deps): Router {
  const router = express.Router();
  const rendering = new Map<string, Promise<StoredFile>>();
  const fail = (res: Response, req: Request, status: number, message: string) =>
    res.status(status).json(lexofficeError(clock, status, message, req));

  /** The document of an `invoices` or `credit-notes` path; other paths go on to the next route. */
  function find(req: Request, res: Response, next: NextFunction): StoredVoucher | undefined {
    const type = COLLECTIONS[String(req.params.collection) as Collection];
    if (!type) {
      next();
      return undefined;
    }
    const voucher = state.vouchers.get(String(req.params.id));
    if (voucher?.voucherType === type) return voucher;
    fail(res, req, 404, 'Not Found');
    return undefined;
  }

  /** Renders the PDF once (concurrent requests wait for the same rendering). */
  function documentOf(voucher: StoredVoucher): Promise<StoredFile> {
    const existing = voucher.documentFileId ? state.files.get(voucher.documentFileId) : undefined;
    if (existing) return Promise.resolve(existing);
    let pending = rendering.get(voucher.id);
    if (!pending) {
      pending = renderInvoicePdf(voucher).then((data) => {
        const file: StoredFile = {
          id: randomUUID(),
          voucherId: voucher.id,
          fileName: `${voucher.voucherNumber}.pdf`,
          contentType: 'application/pdf',
          size: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
          data,
        };
        state.files.set(file.id, file);
        voucher.documentFileId = file.id;
        return file;
      });
      rendering.set(voucher.id, pending);
      void pending.finally(() => rendering.delete(voucher.id)).catch(() => undefined);
    }
    return pending;
  }

  router.post('/v1/:collection', (req: Request, res: Response, next: NextFunction) => {
    const voucherType = COLLECTIONS[String(req.params.collection) as Collection];
    if (!voucherType) return next();
    if (!req.is('application/json')) return fail(res, req, 415, 'Unsupported Media Type');
    const finalize = req.query.finalize;
    if (finalize !== undefined && finalize !== 'true' && finalize !== 'false')
      return fail(res, req, 400, "parameter 'finalize' must be true or false");
    const details = validateSalesDocument(req.body, {
      shippingRequired: voucherType === 'invoice',
    });
    if (details.length > 0) {
      return res.status(406).json(lexofficeError(clock, 406, VALIDATION_FAILED, req, details));
    }
    const collection = `${baseUrlOf(req, publicUrl)}/v1/${String(req.params.collection)}`;
    const voucher = storeVoucher(state, clock.now(), collection, {
      voucherType,
      voucherNumber: state.nextNumber(voucherType),
      voucherStatus: finalize === 'true' ? 'open' : 'draft',
      request: req.body,
    });
    logger.info(
      { upstream: 'lexoffice', voucherType, voucherId: voucher.id },
      'sales document created',
    );
    return res.status(201).json(actionResult(voucher));
  });

  router.get('/v1/:collection/:id', (req: Request, res: Response, next: NextFunction) => {
    const voucher = find(req, res, next);
    if (voucher) res.json(readBack(voucher));
  });

  router.get(
    '/v1/:collection/:id/document',
    async (req: Request, res: Response, next: NextFunction) => {
      const voucher = find(req, res, next);
      if (!voucher) return;
      if (voucher.voucherStatus === 'draft')
        return fail(res, req, 406, 'Für Entwürfe gibt es kein Dokument.');
      res.json({ documentFileId: (await documentOf(voucher)).id });
    },
  );

  router.get(
    '/v1/:collection/:id/file',
    async (req: Request, res: Response, next: NextFunction) => {
      const voucher = find(req, res, next);
      if (!voucher) return;
      if (voucher.voucherStatus === 'draft')
        return fail(res, req, 409, 'Für Entwürfe gibt es keine Datei.');
      const file = await documentOf(voucher);
      res
        .status(200)
        .type(file.contentType)
        .set('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.data);
    },
  );

  return router;
}
