/**
 * The ProSonata stand-in's HTTP API: `/api/v1/addresses` as ProSonata documents it.
 * Source: ProSonata's address API description (the seed `prosonata-addresses-api.txt`;
 * what it documents, and what we assumed, in docs/upstreams/prosonata.md).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '@campus/logger';
import { recordedRequestOf } from '../http/request-log.js';
import { upstreamErrorHandler } from '../http/upstream.js';
import { splitDocumented } from './address-fields.js';
import { queryAddresses } from './address-query.js';
import type { WriteResult } from './address-store.js';
import { prosonataMeta, type ProsonataState } from './prosonata-state.js';

interface Deps {
  state: ProsonataState;
  logger: Logger;
}

/**
 * ProSonata's address API after its documentation (the seed
 * `prosonata-addresses-api.txt`, ProSonata's API description of
 * `/api/v1/addresses`): mount at `/prosonata`.
 */
export function createProsonataRouter({ state, logger }: Deps): Router {
  const router = express.Router();
  const { quota, store } = state;
  const fail = (res: Response, status: number, message: string) =>
    res.status(status).json({ meta: prosonataMeta(status, quota.peek()), message });

  router.use(state.requests.record());
  router.use(express.json({ limit: '1mb' }));
  router.use(state.requests.captureBody());
  router.use(state.faults.middleware());

  router.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.get('x-api-key')) {
      fail(res, 401, 'X-API-Key fehlt oder ist ungültig.');
      return;
    }
    const status = quota.take();
    if (!status.allowed) {
      logger.debug({ upstream: 'prosonata', resetSeconds: status.resetSeconds }, 'quota exhausted');
      res.status(429).json({ meta: prosonataMeta(429, status), message: 'API-Limit erreicht.' });
      return;
    }
    next();
  });

  const answerWrite = (res: Response, result: WriteResult, status: 200 | 201) => {
    if (!result.ok) {
      fail(res, result.status, result.message);
      return;
    }
    res.status(status).json({ meta: prosonataMeta(status, quota.peek()), data: result.address });
  };

  router.get('/api/v1/addresses', (req: Request, res: Response) => {
    const query = queryAddresses(
      store.addresses.values(),
      req.query as Record<string, unknown>,
      state.searchMode,
    );
    if (!query.ok) {
      fail(res, 400, query.message);
      return;
    }
    const { items, page, perPage, totalCount } = query.result;
    res.json({
      meta: prosonataMeta(200, quota.peek(), { perPage, page, totalCount }),
      data: items,
    });
  });

  router.get('/api/v1/addresses/:id', (req: Request, res: Response) => {
    const address = store.addresses.get(Number(req.params.id));
    if (!address) {
      fail(res, 404, `Adresse ${String(req.params.id)} nicht gefunden.`);
      return;
    }
    res.json({ meta: prosonataMeta(200, quota.peek()), data: address });
  });

  router.post('/api/v1/addresses', (req: Request, res: Response) => {
    if (!isObject(req.body)) {
      fail(res, 400, 'Body muss ein JSON-Objekt sein.');
      return;
    }
    const result = store.create(documentedOnly(req.body, res));
    if (result.ok)
      logger.info(
        { upstream: 'prosonata', addressID: result.address.addressID },
        'address created',
      );
    answerWrite(res, result, 201);
  });

  router.put('/api/v1/addresses/:id', (req: Request, res: Response) => {
    if (!isObject(req.body)) {
      fail(res, 400, 'Body muss ein JSON-Objekt sein.');
      return;
    }
    const result = store.update(Number(req.params.id), documentedOnly(req.body, res));
    if (result.ok)
      logger.info(
        { upstream: 'prosonata', addressID: result.address.addressID },
        'address updated',
      );
    answerWrite(res, result, 200);
  });

  router.use((_req: Request, res: Response) => fail(res, 404, 'Nicht gefunden.'));
  router.use(
    upstreamErrorHandler((status, message) => ({
      meta: prosonataMeta(status, quota.peek()),
      message,
    })),
  );
  return router;
}

/**
 * The seed documents which parameters POST and PUT take and says nothing of
 * others; the stand-in keeps only the documented ones (an unknown parameter
 * changes nothing, as with an API that ignores it) and names the rest in the
 * request log, where the contract tests fail on them.
 */
function documentedOnly(body: Record<string, unknown>, res: Response): Record<string, unknown> {
  const { documented, undocumented } = splitDocumented(body);
  const entry = recordedRequestOf(res);
  if (entry && undocumented.length > 0) entry.undocumented = undocumented;
  return documented;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
