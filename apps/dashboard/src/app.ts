import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { ConfigError, type Config } from '@campus/config';
import type { Logger } from '@campus/logger';
import type { QueueSet } from '@campus/queues';
import type { RedisClient } from '@campus/queues';
import { addAuthRoutes } from './auth-routes.js';
import { guardBoardActions } from './board-guard.js';
import { healthPage } from './health-page.js';
import { createLoginThrottle } from './login-throttle.js';
import { readHealth } from './queue-health.js';
import { securityHeaders } from './security-headers.js';
import { createSessions, readCookie, SESSION_COOKIE, type Session } from './session.js';

export interface DashboardDeps {
  config: Config<'dashboard' | 'queues'>;
  redis: RedisClient;
  queues: QueueSet;
  logger: Logger;
  now?: () => number;
}

const QUEUE_DESCRIPTIONS: Record<string, string> = {
  'dunning-mail': 'Mahnungen und Hinweise zu fehlgeschlagenen Zahlungen (SMTP)',
  'invoice-sync': 'Rechnungen und Gutschriften nach Lexoffice; Zahlungseingänge',
  'order-to-customer': 'Kunden und Interessenten nach ProSonata; Kundenverzeichnis',
  'certificate-mail': 'Zertifikate als PDF per Mail',
  'offer-mail': 'Angebotsmails und Follow-ups',
  'login-mail': 'Login-Codes per Mail',
  'paypal-subscription': 'PayPal-Abos zu Fakturia-Verträgen',
  quarantine:
    'Eingänge, die nicht verarbeitet werden konnten. Der Grund steht im Fehler; Daten korrigieren und „Wiederholen“: der Eingang wird neu geprüft und geroutet. Zahlungen werden nur unverändert wiederholt.',
};

/** X-Forwarded-For counts only from the proxies the operator named (DASHBOARD_TRUSTED_PROXIES). */
function trustProxies(app: Express, proxies: readonly string[]): void {
  try {
    app.set('trust proxy', proxies.length > 0 ? [...proxies] : false);
  } catch (error) {
    throw new ConfigError([`DASHBOARD_TRUSTED_PROXIES: ${(error as Error).message}.`]);
  }
}

/** The operators' dashboard: Bull Board over every queue and a health page, behind a login. */
export function createDashboard(deps: DashboardDeps): Express {
  const { config, logger } = deps;
  const production = config.core.mode === 'production';
  const prefix = config.core.queuePrefix;
  const sessions = createSessions({
    redis: deps.redis,
    prefix,
    secret: config.dashboard.sessionSecret,
    hours: config.dashboard.sessionHours,
    now: deps.now,
  });
  const throttle = createLoginThrottle({ redis: deps.redis, prefix, now: deps.now });

  const app = express();
  app.disable('x-powered-by');
  trustProxies(app, config.dashboard.trustedProxies);
  app.use(securityHeaders({ production }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  addAuthRoutes(app, {
    config: config.dashboard,
    sessions,
    throttle,
    logger,
    secureCookie: production,
  });

  // Everything below needs a session.
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const session = await sessions.verify(readCookie(req.headers.cookie, SESSION_COOKIE));
      if (session) {
        res.locals.session = session;
        return next();
      }
      if (req.method === 'GET' && !req.path.includes('/api/')) {
        res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      res.status(401).json({ error: 'unauthorized', message: 'Log in at /login first.' });
    } catch (error) {
      next(error);
    }
  });

  app.get('/', async (_req, res, next) => {
    try {
      const health = await readHealth(deps.redis, deps.queues, deps.now?.());
      res.type('html').send(healthPage(health, (res.locals.session as Session).csrf));
    } catch (error) {
      next(error);
    }
  });
  app.get('/api/health', async (_req, res, next) => {
    try {
      res.json(await readHealth(deps.redis, deps.queues, deps.now?.()));
    } catch (error) {
      next(error);
    }
  });

  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath('/queues');
  createBullBoard({
    queues: deps.queues.all().map(
      (queue) =>
        new BullMQAdapter(queue, {
          readOnlyMode: false,
          allowRetries: true,
          description: QUEUE_DESCRIPTIONS[queue.name] ?? '',
        }),
    ),
    serverAdapter,
    options: {
      uiConfig: {
        boardTitle: 'campus-events',
        locale: { lng: 'de-DE' },
        miscLinks: [
          { text: 'Übersicht', url: '/' },
          { text: 'Abmelden', url: '/logout' },
        ],
      },
    },
  });
  // Bull Board's router is an Express app of its own, with its own X-Powered-By.
  const boardApp = serverAdapter.getRouter() as Express;
  boardApp.disable('x-powered-by');
  app.use('/queues', guardBoardActions(logger), boardApp);

  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error }, 'dashboard error');
    if (!res.headersSent) res.status(500).json({ error: 'internal_error' });
  });
  return app;
}
