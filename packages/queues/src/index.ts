export { createProducerConnection, createWorkerConnection, waitUntilReady } from './connection.js';
export {
  CAMPUS_BACKOFF,
  campusBackoff,
  defaultJobOptions,
  quarantineJobOptions,
} from './job-options.js';
export type { RetentionSettings } from './job-options.js';
export { QUEUE_NAMES, createQueueSet } from './queues.js';
export type { QueueName, QueueSet } from './queues.js';
export { acceptEvent, quarantinePayload, eventRecordKey } from './accept-event.js';
export type { AcceptOutcome } from './accept-event.js';
export { registerQueueDepthMetrics } from './metrics.js';
