import { createHash, createHmac, randomInt } from 'node:crypto';
import type { RedisClient } from '@campus/queues';

/**
 * Login codes: 8 characters [A-Z0-9] from a CSPRNG, stored only as an HMAC
 * (so a Redis dump does not reveal codes), valid 15 minutes from their mail.
 * An address may hold several codes at once: two requests that cross (a
 * double click) mail two codes, and each verifies until one of them is used
 * (then every code of the address is gone) or it expires. Keeping every code
 * is the design that is simplest to make correct: nothing is replaced, so no
 * mail can carry a code that a later request already overwrote, and no
 * plaintext code has to be kept to send it again. The receiver verifies, the
 * login-mail worker issues; both use this module so the storage format has
 * one owner.
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
    // A hash of code HMAC → expiry (ms); `magic-codes`, not the single `magic-code` string of
    // before. Codes and tries share a hash tag: one script uses both, and in a Redis Cluster
    // its keys must be in one slot.
    codes: `${store.prefix}:magic-codes:{${id}}`,
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

// Adds a code (its HMAC, expiring at ARGV[2]) beside the address's others,
// drops those already expired, and keeps the hash as long as its newest code.
const ADD_CODE = `
local now = tonumber(ARGV[3])
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if tonumber(fields[i + 1]) <= now then redis.call('HDEL', KEYS[1], fields[i]) end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
local wanted = tonumber(ARGV[2]) - now
if ttl < wanted then redis.call('PEXPIRE', KEYS[1], wanted) end
return redis.call('HLEN', KEYS[1])
`;

/**
 * Stores a new code for the address beside any earlier ones still valid
 * (each expires CODE_TTL_SECONDS after it was stored); answers how many
 * codes the address now holds.
 */
export async function storeMagicCode(
  store: MagicCodeStore,
  email: string,
  code: string,
  now = Date.now(),
): Promise<number> {
  return (await store.redis.eval(
    ADD_CODE,
    1,
    keys(store, email).codes,
    codeHash(store, email, code),
    now + CODE_TTL_SECONDS * 1000,
    now,
  )) as number;
}

// Counts the try; then, unless locked, uses the code if the address holds it
// unexpired: all in one step, so parallel guesses cannot slip past the limit
// and two codes of one address can never both be used (the first use takes
// every code of the address with it).
const TRY_CODE = `
local tries = redis.call('INCR', KEYS[2])
if tries == 1 then redis.call('EXPIRE', KEYS[2], ARGV[3]) end
if tries > tonumber(ARGV[4]) then return 'locked' end
local expires = redis.call('HGET', KEYS[1], ARGV[1])
if expires and tonumber(expires) > tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 'valid'
end
return 'invalid'
`;

/**
 * Checks a code: `valid` once (then every code of the address is gone),
 * `invalid`, or `locked` after MAX_FAILED_TRIES tries in the window. The
 * candidate is looked up by its HMAC, which only the secret's holder can
 * make, so the lookup's timing tells nothing about stored codes.
 */
export async function verifyMagicCode(
  store: MagicCodeStore,
  email: string,
  code: string,
  now = Date.now(),
): Promise<VerifyOutcome> {
  const k = keys(store, email);
  return (await store.redis.eval(
    TRY_CODE,
    2,
    k.codes,
    k.tries,
    codeHash(store, email, code),
    now,
    CODE_TTL_SECONDS,
    MAX_FAILED_TRIES,
  )) as VerifyOutcome;
}
