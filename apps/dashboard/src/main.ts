import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Worker } from 'bullmq';
import { exitOnConfigError, loadConfig } from '@campus/config';
import { QUARANTINE_QUEUE } from '@campus/events';
import { createLogger } from '@campus/logger';
import { createProducerConnection, createQueueSet, createWorkerConnection } from '@campus/queues';
import { createDashboard } from './app.js';
import { createQuarantineReplay } from './quarantine-replay.js';

const config = await exitOnConfigError('dashboard', () => loadConfig(['dashboard', 'queues']));
const logger = createLogger({ name: 'dashboard', level: config.core.logLevel });
const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
const queues = createQueueSet(redis, config.core.queuePrefix, config.queues);
for (const queue of queues.all())
  queue.on('error', (error) => logger.warn({ err: error.message }, 'queue error'));

const replay = new Worker(
  QUARANTINE_QUEUE,
  createQuarantineReplay(redis, queues, config.queues.eventKeyTtlDays * 24 * 60 * 60),
  {
    connection: createWorkerConnection(config.core),
    // The quarantine queue's own prefix: on a Redis Cluster it carries its hash tag.
    prefix: queues.quarantine.opts.prefix,
    concurrency: 1,
    skipVersionCheck: true,
  },
);
replay.on('error', (error) => logger.warn({ err: error.message }, 'quarantine replay error'));
replay.on('failed', (job, error) =>
  logger.warn({ jobId: job?.id, reason: error.message }, 'quarantined payload still invalid'),
);
replay.on('completed', (job, result) =>
  logger.info({ jobId: job.id, result }, 'quarantined payload replayed'),
);

const app = await exitOnConfigError('dashboard', () =>
  createDashboard({ config, redis, queues, logger }),
);
const server = app.listen(config.dashboard.port, config.dashboard.host);
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  server.close();
  server.closeIdleConnections();
  await replay.close();
  await queues.close();
  await redis.quit().catch(() => redis.disconnect());
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
logger.info({ port }, `dashboard listening on http://${config.dashboard.host}:${port}`);
