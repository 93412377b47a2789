import { createHmac } from 'node:crypto';
import { safeEqual } from '@campus/webhook-auth';

const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'campus_session';

/** A signed, expiring session token: `<user>.<expiresAtMs>.<hmac>`; nothing is stored server-side. */
export function createSessions(secret: string, now: () => number = Date.now) {
  const sign = (payload: string) =>
    createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    issue(user: string): { token: string; maxAgeSeconds: number } {
      const payload = `${Buffer.from(user).toString('base64url')}.${now() + SESSION_HOURS * 3_600_000}`;
      return { token: `${payload}.${sign(payload)}`, maxAgeSeconds: SESSION_HOURS * 3600 };
    },
    /** The user of a valid, unexpired token; undefined otherwise. */
    verify(token: string | undefined): string | undefined {
      if (!token) return undefined;
      const parts = token.split('.');
      if (parts.length !== 3) return undefined;
      const [user = '', expires = '', signature = ''] = parts;
      if (!safeEqual(signature, sign(`${user}.${expires}`))) return undefined;
      if (!(Number(expires) > now())) return undefined;
      return Buffer.from(user, 'base64url').toString('utf8');
    },
  };
}

/** At most `max` failed logins per client address and window: slows password guessing. */
export function createLoginThrottle(
  max = 10,
  windowMs = 15 * 60_000,
  now: () => number = Date.now,
) {
  const failures = new Map<string, { count: number; resetAt: number }>();
  return {
    blocked(client: string): boolean {
      const entry = failures.get(client);
      if (!entry || entry.resetAt < now()) return false;
      return entry.count >= max;
    },
    fail(client: string): void {
      const entry = failures.get(client);
      if (!entry || entry.resetAt < now())
        failures.set(client, { count: 1, resetAt: now() + windowMs });
      else entry.count++;
    },
    succeed(client: string): void {
      failures.delete(client);
    },
  };
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
