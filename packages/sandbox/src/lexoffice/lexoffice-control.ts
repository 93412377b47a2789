import express, { type Request, type Response, type Router } from 'express';
import type { LexofficeState } from './lexoffice-state.js';
import { rateReport } from './rate-report.js';

/** Test knobs and read-backs of the Lexoffice stand-in: mount at `/_control/lexoffice`. */
export function createLexofficeControl(state: LexofficeState): Router {
  const router = express.Router();
  // Every voucher: invoices and credit notes Lexoffice issued, bookkeeping vouchers booked.
  router.get('/vouchers', (_req: Request, res: Response) => {
    res.json([...state.vouchers.values()]);
  });
  // Every file (attached or rendered), without its bytes: name, type, size and sha256.
  router.get('/files', (_req: Request, res: Response) => {
    res.json([...state.files.values()].map(({ data: _data, ...meta }) => meta));
  });
  router.get('/rate', (_req: Request, res: Response) => {
    res.json(rateReport(state.requests.list(), state.bucket.rate));
  });
  router.post('/rate-limit', (req: Request, res: Response) => {
    const perSecond = (req.body as { perSecond?: unknown } | undefined)?.perSecond;
    if (typeof perSecond !== 'number' || !(perSecond > 0)) {
      res.status(400).json({ message: 'perSecond must be a positive number' });
      return;
    }
    state.bucket.reset(perSecond);
    res.json({ ratePerSecond: perSecond });
  });
  // Switch `GET /v1/voucherlist` off (404) to test a client that cannot search.
  router.post('/voucherlist', (req: Request, res: Response) => {
    const enabled = (req.body as { enabled?: unknown } | undefined)?.enabled;
    if (typeof enabled !== 'boolean') {
      res.status(400).json({ message: 'enabled must be true or false' });
      return;
    }
    state.voucherlistEnabled = enabled;
    res.json({ voucherlistEnabled: enabled });
  });
  return router;
}
