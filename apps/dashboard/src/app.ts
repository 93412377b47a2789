import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { createHash } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Config } from '@campus/config';
import type { Logger } from '@campus/logger';
import type { QueueSet } from '@campus/queues';
import { safeEqual } from '@campus/webhook-auth';
import type { Redis } from 'ioredis';
import { healthPage } from './health-page.js';
import { loginPage } from './html.js';
import { readHealth } from './queue-health.js';
import { createLoginThrottle, createSessions, readCookie, SESSION_COOKIE } from './session.js';

export interface DashboardDeps {
  config: Config<'dashboard' | 'queues'>;
  redis: Redis;
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
    'Eingänge, die nicht verarbeitet werden konnten. Der Grund steht im Fehler; Daten korrigieren und „Wiederholen“: der Eingang wird neu geprüft und geroutet.',
};

/** Only a relative path may be a post-login target (no open redirect). */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s]*$/.test(value) ? value : '/';
}

/** The operators' dashboard: Bull Board over every queue and a health page, behind a login. */
export function createDashboard(deps: DashboardDeps): Express {
  const { config, logger } = deps;
  const { user, password } = config.dashboard;
  const secret =
    config.dashboard.sessionSecret ??
    createHash('sha256').update(`campus-dashboard\n${user}\n${password}`).digest('hex');
  const sessions = createSessions(secret, deps.now);
  const throttle = createLoginThrottle(10, 15 * 60_000, deps.now);
  const secureCookie = config.core.mode === 'production';

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/login', (req, res) => {
    res.type('html').send(loginPage(undefined, safeNext(req.query.next)));
  });
  app.post('/login', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const client = req.ip ?? 'unknown';
    if (throttle.blocked(client)) {
      res
        .status(429)
        .type('html')
        .send(
          loginPage(
            'Zu viele Fehlversuche. Bitte in 15 Minuten erneut versuchen.',
            safeNext(req.query.next),
          ),
        );
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const userOk = safeEqual(String(body.user ?? ''), user);
    const passwordOk = safeEqual(String(body.password ?? ''), password);
    if (!(userOk && passwordOk)) {
      throttle.fail(client);
      logger.warn({ client }, 'dashboard login failed');
      res
        .status(401)
        .type('html')
        .send(loginPage('Benutzer oder Passwort ist falsch.', safeNext(req.query.next)));
      return;
    }
    throttle.succeed(client);
    const { token, maxAgeSeconds } = sessions.issue(user);
    res.setHeader(
      'set-cookie',
      `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secureCookie ? '; Secure' : ''}`,
    );
    res.redirect(303, safeNext(req.query.next));
  });
  app.get('/logout', (_req, res) => {
    res.setHeader('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    res.redirect(303, '/login');
  });

  // Everything below needs a session.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (sessions.verify(readCookie(req.headers.cookie, SESSION_COOKIE))) return next();
    if (req.method === 'GET' && !req.path.includes('/api/')) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res.status(401).json({ error: 'unauthorized', message: 'Log in at /login first.' });
  });

  app.get('/', async (_req, res, next) => {
    try {
      res.type('html').send(healthPage(await readHealth(deps.redis, deps.queues, deps.now?.())));
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
  app.use('/queues', serverAdapter.getRouter() as express.Router);

  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error }, 'dashboard error');
    if (!res.headersSent) res.status(500).json({ error: 'internal_error' });
  });
  return app;
}
