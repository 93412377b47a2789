import { createHash } from 'node:crypto';
import type { RedisClient } from '@campus/queues';

/**
 * PayPal transmission ids seen, with the hash of the body each came with, in
 * Redis so that every receiver process shares them (issue #9: one captured
 * delivery must not become forged payments). An id is kept as long as a
 * delivery carrying it could still pass the time window.
 */
export interface TransmissionStore {
  /** The body hash remembered for this transmission id, if it was seen. */
  lookup(transmissionId: string): Promise<string | undefined>;
  /** Remembers the id with this body hash unless it is known; answers the hash now remembered. */
  remember(transmissionId: string, bodyHash: string): Promise<string>;
}

export function bodyHash(rawBody: Buffer): string {
  return createHash('sha256').update(rawBody).digest('hex');
}

export function createTransmissionStore(
  redis: RedisClient,
  prefix: string,
  ttlSeconds: number,
): TransmissionStore {
  // The id is the sender's text: hash it so that a key's length and characters are ours.
  const key = (id: string) =>
    `${prefix}:paypal:transmission:${createHash('sha256').update(id).digest('hex')}`;
  return {
    async lookup(transmissionId) {
      return (await redis.get(key(transmissionId))) ?? undefined;
    },
    async remember(transmissionId, hash) {
      const k = key(transmissionId);
      const set = await redis.set(k, hash, 'EX', ttlSeconds, 'NX');
      if (set === 'OK') return hash;
      return (await redis.get(k)) ?? hash;
    },
  };
}
