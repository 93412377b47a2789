import type { RequestHandler } from 'express';
import type { Logger } from '@campus/logger';
import { describeAction, forgingRefusal } from './board-actions.js';
import { refuseCrossSite } from './request-guard.js';
import type { Session } from './session.js';

/**
 * In front of Bull Board's router: every state-changing request must come
 * from this dashboard and carry JSON (CSRF), may not forge a job (add, edit a
 * domain job's data, schedulers), and is written to the log: who, what,
 * which queue and job, and how it ended. Never the job's data.
 */
export function guardBoardActions(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const session = res.locals.session as Session;
    const action = describeAction(req.method, req.path);
    const audit = { user: session.user, client: req.ip, ...action };
    const crossSite = refuseCrossSite(req, session.csrf);
    if (crossSite) {
      logger.warn(
        { ...audit, status: crossSite.status, refused: crossSite.error },
        'dashboard action refused',
      );
      res.status(crossSite.status).json({ error: crossSite.error, message: crossSite.message });
      return;
    }
    const forging = forgingRefusal(req.method, action);
    if (forging) {
      logger.warn({ ...audit, status: 403, refused: 'forging' }, 'dashboard action refused');
      res.status(403).json({ error: 'forbidden', message: forging });
      return;
    }
    res.once('finish', () => logger.info({ ...audit, status: res.statusCode }, 'dashboard action'));
    next();
  };
}
