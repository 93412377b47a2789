import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@campus/queues';

// A sliding log of the last window's requests, timed by Redis's own clock so
// that every process agrees. Returns 0 with a slot taken, or how many ms
// until the oldest slot leaves the window.
const TAKE_SLOT = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], ms, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - ms)
`;

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Lexoffice's limit (2 requests/s for the whole account) at the moment of
 * each request, across every worker process. The queue's limiter bounds how
 * many jobs start per second, but not when their requests leave: a slow first
 * job, a pause or a search before a retry put more than 2 into one second.
 * The window is a little longer than a second because Lexoffice counts
 * requests on arrival, after the network's jitter.
 */
export function createLexofficeRateGate(
  redis: RedisClient,
  prefix: string,
  options: { requestsPerSecond: number; windowMs?: number },
) {
  const key = `${prefix}:lexoffice:request-window`;
  const windowMs = options.windowMs ?? 1_100;
  return async function acquire(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const wait = Number(
        await redis.eval(TAKE_SLOT, 1, key, options.requestsPerSecond, windowMs, randomUUID()),
      );
      if (wait <= 0) return;
      // A little jitter so waiting processes do not all ask again at once.
      await sleep(wait + Math.floor(Math.random() * 25), signal);
    }
  };
}
