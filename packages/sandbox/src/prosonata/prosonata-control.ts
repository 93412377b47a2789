import express, { type Request, type Response, type Router } from 'express';
import type { CustomerGroup } from './address-fields.js';
import type { ProsonataState } from './prosonata-state.js';

const isPositiveInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Test knobs and read-backs of the ProSonata stand-in: mount at `/_control/prosonata`. */
export function createProsonataControl(state: ProsonataState): Router {
  const router = express.Router();
  const { store, quota } = state;

  router.get('/addresses', (_req: Request, res: Response) => {
    res.json([...store.addresses.values()]);
  });

  // Seeds addresses without spending quota.
  router.post('/addresses', (req: Request, res: Response) => {
    const addresses = (req.body as { addresses?: unknown } | undefined)?.addresses;
    if (!Array.isArray(addresses)) {
      res.status(400).json({ message: 'addresses must be an array' });
      return;
    }
    const results = addresses.map((input) =>
      typeof input === 'object' && input !== null
        ? store.create(input as Record<string, unknown>)
        : undefined,
    );
    const failed = results.findIndex((r) => !r?.ok);
    if (failed >= 0) {
      const result = results[failed];
      res.status(400).json({
        message: `addresses[${failed}]: ${result && !result.ok ? result.message : 'not an object'}`,
      });
      return;
    }
    res.status(201).json(results.map((r) => (r?.ok ? r.address : undefined)));
  });

  // Whether a filter matches exactly or as a substring (see SearchMode).
  router.post('/search', (req: Request, res: Response) => {
    const mode = (req.body as { mode?: unknown } | undefined)?.mode;
    if (mode !== 'exact' && mode !== 'contains') {
      res.status(400).json({ message: "mode must be 'exact' or 'contains'" });
      return;
    }
    state.searchMode = mode;
    res.json({ mode });
  });

  router.get('/customers', (_req: Request, res: Response) => {
    res.json([...store.customers.values()]);
  });

  router.post('/customers', (req: Request, res: Response) => {
    const customers = (req.body as { customers?: unknown } | undefined)?.customers;
    const valid =
      Array.isArray(customers) &&
      customers.every(
        (c: Partial<CustomerGroup>) =>
          typeof c === 'object' &&
          c !== null &&
          isPositiveInt(c.customerID) &&
          typeof c.customerName === 'string',
      );
    if (!valid) {
      res
        .status(400)
        .json({ message: 'customers must be [{customerID, customerName, companyStatus?}]' });
      return;
    }
    for (const c of customers as CustomerGroup[]) {
      store.customers.set(c.customerID, {
        customerID: c.customerID,
        customerName: c.customerName,
        companyStatus: typeof c.companyStatus === 'number' ? c.companyStatus : 0,
      });
    }
    res.json([...store.customers.values()]);
  });

  router.delete('/customers/:id', (req: Request, res: Response) => {
    const deleted = store.customers.delete(Number(req.params.id));
    res.status(deleted ? 204 : 404).end();
  });

  router.get('/quota', (_req: Request, res: Response) => {
    res.json({ ...quota.settings(), ...quota.peek() });
  });

  router.post('/quota', (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { limit?: unknown; windowSeconds?: unknown };
    const limit = body.limit ?? quota.settings().limit;
    const windowSeconds = body.windowSeconds ?? quota.settings().windowSeconds;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
      res.status(400).json({ message: 'limit must be an integer >= 0' });
      return;
    }
    if (typeof windowSeconds !== 'number' || !(windowSeconds > 0)) {
      res.status(400).json({ message: 'windowSeconds must be a positive number' });
      return;
    }
    quota.configure(limit, windowSeconds);
    res.json({ ...quota.settings(), ...quota.peek() });
  });

  return router;
}
