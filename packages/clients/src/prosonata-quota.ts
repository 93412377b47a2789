import { randomUUID } from 'node:crypto';

/**
 * The few Redis commands the quota needs, so this package does not depend on
 * ioredis: an ioredis `Redis` fits.
 */
export interface QuotaRedis {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

/** What a caller may do before one ProSonata call. */
export type QuotaTicket =
  { kind: 'go'; probeToken?: string } | { kind: 'wait'; retryAfterMs: number };

/**
 * ProSonata's API quota as every process of every worker sees it: the last
 * `meta.apiLimitRemaining` minus the calls reserved since, until the window
 * resets (`meta.apiLimitReset`). Kept in Redis so that several processes
 * agree, and so that no call is attempted inside an exhausted window.
 */
export interface ProsonataQuota {
  /** Reserves one call: `go`, or `wait` with the milliseconds until the window opens. */
  acquire(): Promise<QuotaTicket>;
  /** Records the quota an answer reported (`apiLimitRemaining`, `apiLimitReset` in ms). */
  record(ticket: QuotaTicket, remaining: number, resetMs: number): Promise<void>;
  /** The call ended without a quota reading (network error): let another caller probe. */
  release(ticket: QuotaTicket): Promise<void>;
}

export interface ProsonataQuotaOptions {
  /** How long one caller may probe an unknown window before another may (default 15 s). */
  probeTtlMs?: number;
  /** How long to wait for a probe's answer before calling anyway (default 20 s). */
  probeWaitMs?: number;
}

// Reserve a call. While the window is known, every call takes one from the
// remaining count (so calls in flight are accounted for before their answers
// arrive); when it is unknown (first call, or the window just reset), one
// caller probes and the others wait for its answer instead of all spending
// quota blind.
const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  local left = redis.call('HINCRBY', KEYS[1], 'remaining', -1)
  if left >= 0 then return {'go', 0} end
  redis.call('HINCRBY', KEYS[1], 'remaining', 1)
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then ttl = 1000 end
  return {'wait', ttl}
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'probe', 0} end
return {'busy', 0}
`;

// Record an answer's quota. Within one window the count only goes down:
// answers arrive out of order, and reservations made since an answer was
// produced are already subtracted. An answer whose reset lies clearly past the
// stored one belongs to a new window and replaces it. Times come from Redis so
// that processes on different hosts agree.
const RECORD = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local remaining = tonumber(ARGV[1])
local resetAt = now + tonumber(ARGV[2])
local stored = redis.call('HMGET', KEYS[1], 'remaining', 'resetAt')
if stored[1] and stored[2] then
  local storedRemaining = tonumber(stored[1])
  local storedResetAt = tonumber(stored[2])
  if resetAt <= storedResetAt + tonumber(ARGV[3]) then
    if storedRemaining < remaining then remaining = storedRemaining end
    if storedResetAt < resetAt then resetAt = storedResetAt end
  end
end
if ARGV[4] ~= '' and redis.call('GET', KEYS[2]) == ARGV[4] then redis.call('DEL', KEYS[2]) end
if resetAt <= now then
  redis.call('DEL', KEYS[1])
  return 0
end
redis.call('HSET', KEYS[1], 'remaining', remaining, 'resetAt', resetAt)
redis.call('PEXPIREAT', KEYS[1], resetAt)
return 1
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;

// apiLimitReset is whole seconds, rounded up, and read after a network trip:
// answers of one window may disagree on its end by a second and a bit. A new
// window ends at least its own length later; ProSonata's is 15 minutes.
const SAME_WINDOW_TOLERANCE_MS = 2_000;
const POLL_MS = 50;

/**
 * The shared quota under `${prefix}:{prosonata}:quota`, expiring when the
 * window resets (its probe key beside it: one hash tag, one slot, for the scripts).
 */
export function createProsonataQuota(
  redis: QuotaRedis,
  prefix: string,
  options: ProsonataQuotaOptions = {},
): ProsonataQuota {
  const quotaKey = `${prefix}:{prosonata}:quota`;
  const probeKey = `${quotaKey}:probe`;
  const probeTtlMs = options.probeTtlMs ?? 15_000;
  const probeWaitMs = options.probeWaitMs ?? 20_000;

  return {
    async acquire() {
      const deadline = Date.now() + probeWaitMs;
      for (;;) {
        const token = randomUUID();
        const [kind, ms] = (await redis.eval(
          ACQUIRE,
          2,
          quotaKey,
          probeKey,
          token,
          probeTtlMs,
        )) as [string, number];
        if (kind === 'go') return { kind: 'go' };
        if (kind === 'probe') return { kind: 'go', probeToken: token };
        if (kind === 'wait') return { kind: 'wait', retryAfterMs: Number(ms) };
        // Another caller is probing; a probe that never answers must not stall us for good.
        if (Date.now() > deadline) return { kind: 'go' };
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    async record(ticket, remaining, resetMs) {
      const token = ticket.kind === 'go' ? (ticket.probeToken ?? '') : '';
      await redis.eval(
        RECORD,
        2,
        quotaKey,
        probeKey,
        Math.max(0, Math.floor(remaining)),
        Math.max(0, Math.ceil(resetMs)),
        SAME_WINDOW_TOLERANCE_MS,
        token,
      );
    },
    async release(ticket) {
      if (ticket.kind === 'go' && ticket.probeToken)
        await redis.eval(RELEASE, 1, probeKey, ticket.probeToken);
    },
  };
}
