import express, { type Express, type Request, type Response } from 'express';
import type { DashboardConfig } from '@campus/config';
import type { Logger } from '@campus/logger';
import { safeEqual } from '@campus/webhook-auth';
import { loginPage, logoutPage } from './html.js';
import type { LoginThrottle } from './login-throttle.js';
import { fromThisDashboard } from './request-guard.js';
import { safeNext } from './safe-next.js';
import { readCookie, SESSION_COOKIE, type Sessions } from './session.js';

export interface AuthDeps {
  config: Pick<DashboardConfig, 'user' | 'password'>;
  sessions: Sessions;
  throttle: LoginThrottle;
  logger: Logger;
  /** Production: the session cookie is `Secure`. */
  secureCookie: boolean;
}

const form = express.urlencoded({ extended: false, limit: '4kb' });

function field(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** Login and logout: a growing back-off against guessing, sessions that logout ends for good. */
export function addAuthRoutes(app: Express, deps: AuthDeps): void {
  const { config, sessions, throttle, logger } = deps;
  const cookie = (value: string, maxAgeSeconds: number) =>
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${deps.secureCookie ? '; Secure' : ''}`;
  const refuseLogin = (res: Response, status: number, message: string, next: string) =>
    res.status(status).type('html').send(loginPage(message, next));

  app.get('/login', (req, res) => {
    res.type('html').send(loginPage(undefined, safeNext(req.query.next)));
  });

  app.post('/login', form, async (req, res) => {
    const next = safeNext(req.query.next);
    // Browsers send Origin with every POST: a login form on another site is refused.
    if (req.get('origin') !== undefined && !fromThisDashboard(req, undefined)) {
      return refuseLogin(res, 403, 'Anmeldung nur über diese Seite.', next);
    }
    const client = req.ip ?? 'unknown';
    const user = field(req, 'user');
    const waitMs = await throttle.waitMs(user, client);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      res.setHeader('retry-after', String(seconds));
      return refuseLogin(
        res,
        429,
        `Zu viele Fehlversuche. Bitte in ${seconds} Sekunden erneut versuchen.`,
        next,
      );
    }
    const userOk = safeEqual(user, config.user);
    const passwordOk = safeEqual(field(req, 'password'), config.password);
    if (!(userOk && passwordOk)) {
      await throttle.fail(user, client);
      logger.warn({ client }, 'dashboard login failed');
      return refuseLogin(res, 401, 'Benutzer oder Passwort ist falsch.', next);
    }
    await throttle.succeed(user, client);
    const session = await sessions.issue(config.user);
    logger.info({ user: config.user, client }, 'dashboard login');
    res.setHeader('set-cookie', cookie(session.token, session.maxAgeSeconds));
    res.redirect(303, next);
  });

  app.get('/logout', async (req, res) => {
    const session = await sessions.verify(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!session) return res.redirect(303, '/login');
    res.type('html').send(logoutPage(session.csrf));
  });

  app.post('/logout', form, async (req, res) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const session = await sessions.verify(token);
    const csrf = field(req, 'csrf');
    if (!session || !safeEqual(csrf, session.csrf)) {
      res.status(403).type('text').send('Abmelden nur über die Schaltfläche des Dashboards.');
      return;
    }
    await sessions.end(token);
    logger.info({ user: session.user, client: req.ip }, 'dashboard logout');
    res.setHeader('set-cookie', cookie('', 0));
    res.redirect(303, '/login');
  });
}
