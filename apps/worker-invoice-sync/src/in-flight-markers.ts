import type { RedisClient } from '@campus/queues';

/** When the first attempt that got no answer sent its voucher. */
export interface InFlightMarker {
  since: number;
}

/**
 * "A voucher request of this event went out and its outcome is unknown":
 * set before the call, cleared once the outcome is recorded or Lexoffice
 * refused the request. A retry that finds it looks for the voucher first.
 */
export function createInFlightMarkers(redis: RedisClient, prefix: string, ttlSeconds: number) {
  const key = (eventKey: string) => `${prefix}:invoice-sync:in-flight:${eventKey}`;
  return {
    async get(eventKey: string): Promise<InFlightMarker | undefined> {
      const value = await redis.get(key(eventKey));
      return value === null ? undefined : (JSON.parse(value) as InFlightMarker);
    },
    /** Keeps an existing marker: the lookup window must start at the first unanswered attempt. */
    async mark(eventKey: string, since: number): Promise<void> {
      await redis.set(key(eventKey), JSON.stringify({ since }), 'EX', ttlSeconds, 'NX');
    },
    async clear(eventKey: string): Promise<void> {
      await redis.del(key(eventKey));
    },
  };
}
export type InFlightMarkers = ReturnType<typeof createInFlightMarkers>;
