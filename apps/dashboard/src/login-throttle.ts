import { createHash } from 'node:crypto';
import type { RedisClient } from '@campus/queues';

/** Failed logins that cost nothing: typos happen. */
const FREE_FAILURES = 3;
/**
 * The longest wait an account's failures impose. Short on purpose: an
 * attacker who guesses from many addresses still slows the account to one
 * guess per this long, and the operator, trying from a clean address, is in
 * within a minute.
 */
const ACCOUNT_MAX_WAIT_MS = 30_000;
/** The longest wait a client address's failures impose: one address guessing alone is slowed to a crawl. */
const CLIENT_MAX_WAIT_MS = 15 * 60_000;
/** Failures are forgotten a day after the last one (and at once after a successful login). */
const MEMORY_MS = 24 * 3_600_000;

/** The wait after `failures` failed logins: none for the first few, then 1 s, 2 s, 4 s … up to `maxMs`. */
export function backoffMs(failures: number, maxMs: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(maxMs, 1_000 * 2 ** (failures - FREE_FAILURES));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A growing back-off per account (the user name tried) and per client
 * address, kept in Redis so that every dashboard process sees it. No
 * lock-out: a wait that doubles with each failure.
 */
export function createLoginThrottle(options: {
  redis: RedisClient;
  prefix: string;
  now?: () => number;
}) {
  const { redis } = options;
  const now = options.now ?? Date.now;
  const keys = (user: string, client: string) => [
    {
      key: `${options.prefix}:dashboard:login:account:${sha256(user)}`,
      maxMs: ACCOUNT_MAX_WAIT_MS,
    },
    {
      key: `${options.prefix}:dashboard:login:client:${sha256(client)}`,
      maxMs: CLIENT_MAX_WAIT_MS,
    },
  ];

  return {
    /** How long this user and client must wait before the next attempt counts (0: go ahead). */
    async waitMs(user: string, client: string): Promise<number> {
      const waits = await Promise.all(
        keys(user, client).map(async ({ key, maxMs }) => {
          const [failures, last] = await redis.hmget(key, 'failures', 'last');
          const until = Number(last ?? 0) + backoffMs(Number(failures ?? 0), maxMs);
          return Math.max(0, until - now());
        }),
      );
      return Math.max(...waits);
    },

    // One key per command: the two keys may live on different Redis Cluster nodes.
    async fail(user: string, client: string): Promise<void> {
      await Promise.all(
        keys(user, client).map(({ key }) =>
          redis
            .multi()
            .hincrby(key, 'failures', 1)
            .hset(key, 'last', now())
            .pexpire(key, MEMORY_MS)
            .exec(),
        ),
      );
    },

    async succeed(user: string, client: string): Promise<void> {
      await Promise.all(keys(user, client).map(({ key }) => redis.del(key)));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
