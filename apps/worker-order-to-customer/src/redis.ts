import type { createProducerConnection } from '@campus/queues';

// The Redis client type without a direct ioredis dependency: the one @campus/queues connects with.
export type Redis = ReturnType<typeof createProducerConnection>;
