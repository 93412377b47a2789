import express, { type Request, type Response, type Router } from 'express';
import { FAULT_MODES, type FaultMode } from '../http/faults.js';
import type { UpstreamState } from '../http/upstream.js';
import type { SandboxState } from '../sandbox-state.js';
import { createFakturiaControl } from '../fakturia/fakturia-control.js';
import { createLexofficeControl } from '../lexoffice/lexoffice-control.js';
import { createMailFailControl } from '../mail/mail-fail-control.js';
import { createMailControl } from '../mail/mail-router.js';
import { createPaypalControl } from '../paypal/paypal-control.js';
import { createProsonataControl } from '../prosonata/prosonata-control.js';

function isPattern(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

/** Knobs and read-backs for tests and demos: mount at `/_control`. */
export function createControlRouter(state: SandboxState, reset: () => void): Router {
  const router = express.Router();
  router.use(express.json());

  const upstreams: Record<'lexoffice' | 'prosonata' | 'paypal' | 'fakturia', UpstreamState> = {
    lexoffice: state.lexoffice,
    prosonata: state.prosonata,
    paypal: state.paypal,
    fakturia: state.fakturia,
  };
  for (const [name, upstream] of Object.entries(upstreams)) {
    router.post(`/${name}/fail`, (req: Request, res: Response) => {
      const body = (req.body ?? {}) as { count?: unknown; mode?: unknown; path?: unknown };
      const count = body.count ?? 1;
      const mode = body.mode ?? 'error';
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        res.status(400).json({ message: 'count must be an integer >= 0' });
        return;
      }
      if (!FAULT_MODES.includes(mode as FaultMode)) {
        res.status(400).json({ message: `mode must be one of ${FAULT_MODES.join(', ')}` });
        return;
      }
      if (body.path !== undefined && !isPattern(body.path)) {
        res.status(400).json({ message: 'path must be a regular expression (a string)' });
        return;
      }
      res.json(upstream.faults.arm(count, mode as FaultMode, body.path));
    });
    router.get(`/${name}/fail`, (_req: Request, res: Response) => {
      res.json({ ...upstream.faults.current(), held: upstream.faults.heldCount() });
    });
    router.get(`/${name}/requests`, (_req: Request, res: Response) => {
      res.json(upstream.requests.list());
    });
  }

  router.use('/lexoffice', createLexofficeControl(state.lexoffice));
  router.use('/prosonata', createProsonataControl(state.prosonata));
  router.use('/paypal', createPaypalControl(state.paypal));
  router.use('/fakturia', createFakturiaControl(state.fakturia));
  router.use('/mail/fail', createMailFailControl(state.mailFailSwitch));
  router.use('/mail', createMailControl(state.mail));

  router.post('/reset', (_req: Request, res: Response) => {
    reset();
    res.json({ reset: true });
  });
  router.use((_req: Request, res: Response) => {
    res.status(404).json({ message: 'Unknown control endpoint' });
  });
  return router;
}
