import express, { type Request, type Response, type Router } from 'express';
import { SMTP_FAIL_MODES, type SmtpFailMode, type SmtpFailSwitch } from './smtp-fail-switch.js';

/**
 * The SMTP sink's fail switch: mount at `/_control/mail/fail`. `POST {mode, count?}` arms it
 * (without a count until cleared), `GET` reads it, `DELETE` clears it and answers held mails.
 */
export function createMailFailControl(failSwitch: SmtpFailSwitch): Router {
  const router = express.Router();
  router.post('/', (req: Request, res: Response) => {
    const { mode, count } = (req.body ?? {}) as { mode?: unknown; count?: unknown };
    if (!SMTP_FAIL_MODES.includes(mode as SmtpFailMode)) {
      res.status(400).json({ message: `mode must be one of ${SMTP_FAIL_MODES.join(', ')}` });
      return;
    }
    if (
      count !== undefined &&
      (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    ) {
      res
        .status(400)
        .json({ message: 'count must be an integer >= 0, or left out (until cleared)' });
      return;
    }
    res.json(failSwitch.arm(mode as SmtpFailMode, count));
  });
  router.get('/', (_req: Request, res: Response) => {
    res.json(failSwitch.status());
  });
  router.delete('/', (_req: Request, res: Response) => {
    res.json(failSwitch.clear());
  });
  return router;
}
