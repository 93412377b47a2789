import type { createProducerConnection } from '@campus/queues';

type Redis = ReturnType<typeof createProducerConnection>;

export type OfferStatus = 'open' | 'accepted';

/** What we remember of an offer: ids and dates only, no names or addresses. */
export interface OfferRecord {
  status: OfferStatus;
  /** The form submission the offer answers. */
  eventKey: string;
  createdAt: string;
  acceptedAt?: string;
}

export interface OfferStore {
  /** Records a new open offer; an existing record (even an accepted one) is left as it is. */
  open(angebotId: string, fields: { eventKey: string; createdAt: string }): Promise<void>;
  get(angebotId: string): Promise<OfferRecord | undefined>;
  /** Marks a known offer accepted (the first acceptance time stays); false when it is unknown. */
  markAccepted(angebotId: string, acceptedAt: string): Promise<boolean>;
}

// An acceptance link is meant to work for about a year; after that an
// acceptance is a case for a person, and the record need not live on.
export const DEFAULT_OFFER_TTL_SECONDS = 400 * 24 * 60 * 60;

// Checked and written in one step so that an acceptance of an unknown id
// never creates a record, and two acceptances keep the first time.
const MARK_ACCEPTED = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', 'accepted')
redis.call('HSETNX', KEYS[1], 'acceptedAt', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`;

/** Offer state in Redis, one hash per offer at `${prefix}:offer:${angebotId}`. */
export function createOfferStore(
  redis: Redis,
  prefix: string,
  ttlSeconds = DEFAULT_OFFER_TTL_SECONDS,
): OfferStore {
  const keyOf = (angebotId: string) => `${prefix}:offer:${angebotId}`;
  return {
    async open(angebotId, fields) {
      const key = keyOf(angebotId);
      const results = await redis
        .multi()
        .hsetnx(key, 'status', 'open')
        .hsetnx(key, 'eventKey', fields.eventKey)
        .hsetnx(key, 'createdAt', fields.createdAt)
        .expire(key, ttlSeconds)
        .exec();
      const failed = results?.find(([error]) => error !== null)?.[0];
      if (results === null || failed) {
        throw new Error(`Could not record offer ${angebotId} in Redis; the job is retried`, {
          cause: failed ?? undefined,
        });
      }
    },
    async get(angebotId) {
      const fields = await redis.hgetall(keyOf(angebotId));
      const { status, eventKey, createdAt, acceptedAt } = fields;
      if (status !== 'open' && status !== 'accepted') return undefined;
      return {
        status,
        eventKey: eventKey ?? '',
        createdAt: createdAt ?? '',
        ...(acceptedAt === undefined ? {} : { acceptedAt }),
      };
    },
    async markAccepted(angebotId, acceptedAt) {
      const done = await redis.eval(MARK_ACCEPTED, 1, keyOf(angebotId), acceptedAt, ttlSeconds);
      return done === 1;
    },
  };
}
