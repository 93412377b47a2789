import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { RedisClient } from '@campus/queues';

/**
 * Login codes: 8 characters [A-Z0-9] from a CSPRNG, stored only as an HMAC
 * (so a Redis dump does not reveal codes), valid 15 minutes, single use. The
 * receiver verifies, the login-mail worker issues; both use this module so the
 * storage format has one owner.
 */
export const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const CODE_LENGTH = 8;
export const CODE_TTL_SECONDS = 15 * 60;
/** Failed tries per address and window before verification answers 429. */
export const MAX_FAILED_TRIES = 5;
/** Code requests per address and window. */
export const MAX_REQUESTS = 5;

export interface MagicCodeStore {
  redis: RedisClient;
  prefix: string;
  secret: string;
}

export type VerifyOutcome = 'valid' | 'invalid' | 'locked';

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Keys carry a hash of the address, never the address itself, as a hash tag:
 * one address's keys share a slot, so the scripts that touch several of them
 * run on a Redis Cluster too.
 */
function keys(store: MagicCodeStore, email: string) {
  const id = createHash('sha256').update(normaliseEmail(email)).digest('hex');
  return {
    code: `${store.prefix}:magic-code:{${id}}`,
    tries: `${store.prefix}:magic-code-tries:{${id}}`,
    requests: `${store.prefix}:magic-code-requests:{${id}}`,
  };
}

function codeHash(store: MagicCodeStore, email: string, code: string): string {
  return createHmac('sha256', store.secret)
    .update(`${normaliseEmail(email)}\n${code.toUpperCase()}`)
    .digest('hex');
}

export function generateMagicCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Counts a code request; false once the address asked MAX_REQUESTS times within the window. */
export async function allowCodeRequest(store: MagicCodeStore, email: string): Promise<boolean> {
  const key = keys(store, email).requests;
  const [[, count]] = (await store.redis
    .multi()
    .incr(key)
    .expire(key, CODE_TTL_SECONDS, 'NX')
    .exec()) as [[Error | null, number]];
  return count <= MAX_REQUESTS;
}

/** Stores a new code for the address, replacing any earlier one. */
export async function storeMagicCode(
  store: MagicCodeStore,
  email: string,
  code: string,
): Promise<void> {
  await store.redis.set(
    keys(store, email).code,
    codeHash(store, email, code),
    'EX',
    CODE_TTL_SECONDS,
  );
}

// Counts the try and reads the stored hash in one atomic step, so parallel
// guesses cannot slip past the limit.
const COUNT_TRY_AND_READ = `
local tries = redis.call('INCR', KEYS[2])
if tries == 1 then redis.call('EXPIRE', KEYS[2], ARGV[1]) end
return {tries, redis.call('GET', KEYS[1])}
`;

/** Checks a code: `valid` once (then it is gone), `invalid`, or `locked` after too many failed tries. */
export async function verifyMagicCode(
  store: MagicCodeStore,
  email: string,
  code: string,
): Promise<VerifyOutcome> {
  const k = keys(store, email);
  const [tries, stored] = (await store.redis.eval(
    COUNT_TRY_AND_READ,
    2,
    k.code,
    k.tries,
    CODE_TTL_SECONDS,
  )) as [number, string | null];
  if (tries > MAX_FAILED_TRIES) return 'locked';
  const candidate = Buffer.from(codeHash(store, email, code), 'hex');
  const expected = Buffer.from(stored ?? '', 'hex');
  const match = expected.length === candidate.length && timingSafeEqual(expected, candidate);
  if (!match) return 'invalid';
  await store.redis.del(k.code, k.tries);
  return 'valid';
}
