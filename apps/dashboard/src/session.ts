import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { RedisClient } from '@campus/queues';
import { safeEqual } from '@campus/webhook-auth';

export const SESSION_COOKIE = 'campus_session';

/** Who is logged in, and the token their forms must carry (CSRF). */
export interface Session {
  user: string;
  csrf: string;
}

interface StoredSession extends Session {
  expiresAt: number;
}

const random = () => randomBytes(32).toString('base64url');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Login sessions, kept in Redis so that logging out ends them for good: the
 * cookie is `<id>.<expiresAtMs>.<hmac>`, signed with DASHBOARD_SESSION_SECRET,
 * and counts only while Redis still holds its id (under its hash) and the
 * expiry, which the server checks, has not passed. A stolen cookie stops
 * working at logout or expiry.
 */
export function createSessions(options: {
  redis: RedisClient;
  prefix: string;
  secret: string;
  hours: number;
  now?: () => number;
}) {
  const { redis, secret } = options;
  const now = options.now ?? Date.now;
  const lifetimeMs = options.hours * 3_600_000;
  const key = (id: string) => `${options.prefix}:dashboard:session:${sha256(id)}`;
  const sign = (payload: string) =>
    createHmac('sha256', secret).update(payload).digest('base64url');

  /** The id of a token whose signature holds and whose expiry lies ahead, within one lifetime. */
  function readToken(token: string | undefined): { id: string; expiresAt: number } | undefined {
    const [id = '', expires = '', signature = '', ...rest] = (token ?? '').split('.');
    if (!id || rest.length > 0 || !safeEqual(signature, sign(`${id}.${expires}`))) return undefined;
    const expiresAt = Number(expires);
    if (!(expiresAt > now() && expiresAt <= now() + lifetimeMs)) return undefined;
    return { id, expiresAt };
  }

  return {
    async issue(user: string): Promise<{ token: string; maxAgeSeconds: number }> {
      const id = random();
      const expiresAt = now() + lifetimeMs;
      const stored: StoredSession = { user, csrf: random(), expiresAt };
      await redis.set(key(id), JSON.stringify(stored), 'PX', lifetimeMs);
      const payload = `${id}.${expiresAt}`;
      return { token: `${payload}.${sign(payload)}`, maxAgeSeconds: options.hours * 3600 };
    },

    /** The session of a valid token Redis still holds; undefined otherwise. */
    async verify(token: string | undefined): Promise<Session | undefined> {
      const read = readToken(token);
      if (!read) return undefined;
      const text = await redis.get(key(read.id));
      if (!text) return undefined;
      const stored = JSON.parse(text) as StoredSession;
      if (stored.expiresAt !== read.expiresAt) return undefined;
      return { user: stored.user, csrf: stored.csrf };
    },

    /** Ends the session of a token: its cookie no longer opens anything. */
    async end(token: string | undefined): Promise<void> {
      const read = readToken(token);
      if (read) await redis.del(key(read.id));
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
