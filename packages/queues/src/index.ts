export {
  createProducerConnection,
  createWorkerConnection,
  waitUntilReady,
  closeConnection,
} from './connection.js';
export type { RedisClient, RedisTarget } from './connection.js';
export {
  queuePrefix,
  queueSlotKey,
  connectionFor,
  waitForReplicas,
  probeQueues,
  ReplicationTimeoutError,
} from './key-layout.js';
export type { Readiness } from './key-layout.js';
export {
  CAMPUS_BACKOFF,
  campusBackoff,
  defaultJobOptions,
  quarantineJobOptions,
} from './job-options.js';
export type { RetentionSettings } from './job-options.js';
export { QUEUE_NAMES, createQueueSet } from './queues.js';
export type { QueueName, QueueSet } from './queues.js';
export { acceptEvent, quarantinePayload, quarantineJobId, eventRecordKey } from './accept-event.js';
export type { AcceptOutcome } from './accept-event.js';
export { registerQueueDepthMetrics } from './metrics.js';
export { defineWorker } from './worker/catalog.js';
export type {
  JobContext,
  EventHandler,
  InternalJob,
  WorkerDefinition,
  AnyWorkerDefinition,
  MoneyMovingPaypalJobName,
  PaypalEventConfirmer,
} from './worker/catalog.js';
export { decideRetry } from './worker/retry-policy.js';
export type { RetryDecision } from './worker/retry-policy.js';
export { parseEventJob, parseInternalJob } from './worker/job-validation.js';
export { runOnce } from './worker/idempotency.js';
export type { RunOnceOptions } from './worker/idempotency.js';
export { startWorker } from './worker/start-worker.js';
export type { StartWorkerOptions, RunningWorker } from './worker/start-worker.js';
export { runWorkerApp } from './worker/run-worker-app.js';
export type { WorkerApp } from './worker/run-worker-app.js';
export { createWorkerMetrics } from './worker/worker-metrics.js';
export type { WorkerMetrics } from './worker/worker-metrics.js';
export { createStatsRecorder, readSourceStats } from './stats.js';
export type { StatsRecorder } from './stats.js';
export {
  PaypalConfirmationMissingError,
  PaypalEventNotConfirmedError,
} from './worker/paypal-confirmation.js';
