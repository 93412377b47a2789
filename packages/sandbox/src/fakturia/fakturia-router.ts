/**
 * Fakturia's REST API, the parts campus-events reads, after
 * https://wiki.fakturia.de/wiki/REST%20API (endpoints, header `api-key`, JSON)
 * and its error example `{"errorKey":…,"errorMessage":…}`. Paths are
 * case-sensitive as documented (`/Customers`, `/Invoices/{n}/Document`).
 * What the wiki leaves open (the status of a refused key, how the list is
 * paged, the document's wrapper) follows the assumptions named in
 * docs/upstreams/fakturia.md. Mount at `/fakturia`.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { safeEqual } from '@campus/webhook-auth';
import type { Logger } from '@campus/logger';
import { upstreamErrorHandler } from '../http/upstream.js';
import {
  fakturiaError,
  type FakturiaCustomerRecord,
  type FakturiaState,
} from './fakturia-state.js';

interface Deps {
  state: FakturiaState;
  logger: Logger;
}

// The list's filters the wiki names: exact matches.
const FILTERS = ['email', 'firstName', 'lastName', 'companyName'] as const;

const single = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

function pageOf(
  customers: FakturiaCustomerRecord[],
  query: Request['query'],
): FakturiaCustomerRecord[] | string {
  const filtered = customers.filter((customer) =>
    FILTERS.every((f) => single(query[f]) === undefined || customer[f] === single(query[f])),
  );
  const page = single(query.page);
  const size = single(query.size);
  if (page === undefined && size === undefined) return filtered;
  if (!/^\d+$/.test(page ?? '0') || !/^[1-9]\d*$/.test(size ?? '1'))
    return 'page must be a number from 0, size a number from 1';
  const from = Number(page ?? 0) * Number(size ?? filtered.length);
  return filtered.slice(from, from + Number(size ?? filtered.length));
}

export function createFakturiaRouter({ state, logger }: Deps): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const fail = (res: Response, status: number, errorKey: string, message: string) =>
    res.status(status).json(fakturiaError(errorKey, message));

  router.use(state.requests.record());
  router.use(state.faults.middleware());
  router.use((req: Request, res: Response, next: NextFunction) => {
    const key = req.get('api-key');
    if (!key || !safeEqual(key, state.apiKey)) {
      logger.debug({ upstream: 'fakturia' }, 'api-key refused');
      fail(res, 401, 'UNAUTHORIZED', 'invalid or missing api-key');
      return;
    }
    next();
  });

  router.get('/api/v1/Customers', (req: Request, res: Response) => {
    const page = pageOf([...state.customers.values()], req.query);
    if (typeof page === 'string') {
      fail(res, 400, 'INCORRECT_INPUT_DATA', page);
      return;
    }
    res.json(page);
  });

  router.get('/api/v1/Customers/:customerNumber', (req: Request, res: Response) => {
    const customer = state.customers.get(String(req.params.customerNumber));
    if (!customer) {
      fail(res, 404, 'NOT_FOUND', `customer not found: ${String(req.params.customerNumber)}`);
      return;
    }
    res.json(customer);
  });

  router.get('/api/v1/Invoices/:invoiceNumber/Document', (req: Request, res: Response) => {
    const document = state.documents.get(String(req.params.invoiceNumber));
    if (!document) {
      fail(res, 404, 'NOT_FOUND', `invoice not found: ${String(req.params.invoiceNumber)}`);
      return;
    }
    // "retrieve the invoice PDF document (Base 64)": the PDF's bytes as Base64 text.
    res.type('text/plain').send(document.pdf.toString('base64'));
  });

  router.use((_req: Request, res: Response) => fail(res, 404, 'NOT_FOUND', 'resource not found'));
  router.use(
    upstreamErrorHandler((status, message) =>
      fakturiaError(status >= 500 ? 'INTERNAL_ERROR' : 'INCORRECT_INPUT_DATA', message),
    ),
  );
  return router;
}
