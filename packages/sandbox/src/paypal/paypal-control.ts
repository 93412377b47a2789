import express, { type Request, type Response, type Router } from 'express';
import { rememberEvent } from './paypal-events.js';
import type { PaypalState } from './paypal-state.js';

/** Test knobs and read-backs of the PayPal stand-in: mount at `/_control/paypal`. */
export function createPaypalControl(state: PaypalState): Router {
  const router = express.Router();
  router.get('/subscriptions', (_req: Request, res: Response) => {
    res.json([...state.subscriptions.values()]);
  });
  // Events PayPal is to know (as if it had sent them), for the confirmation lookups.
  router.post('/events', (req: Request, res: Response) => {
    const events = (req.body as { events?: unknown } | undefined)?.events;
    if (!Array.isArray(events)) {
      res.status(400).json({ message: 'events must be an array of PayPal events' });
      return;
    }
    for (const event of events) rememberEvent(state, event);
    res.json({ events: state.events.size });
  });
  router.get('/events', (_req: Request, res: Response) => {
    res.json([...state.events.values()]);
  });
  // Short lifetimes let a test watch a client renew its cached token.
  router.post('/token-lifetime', (req: Request, res: Response) => {
    const seconds = (req.body as { seconds?: unknown } | undefined)?.seconds;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) {
      res.status(400).json({ message: 'seconds must be an integer >= 1' });
      return;
    }
    state.tokenLifetimeSeconds = seconds;
    res.json({ tokenLifetimeSeconds: seconds });
  });
  // Ends every token now, as if PayPal had revoked them.
  router.post('/expire-tokens', (_req: Request, res: Response) => {
    for (const token of state.tokens.values()) token.expiresAt = 0;
    res.json({ expired: state.tokens.size });
  });
  return router;
}
