import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitOnConfigError, loadConfig } from '@campus/config';
import { createLogger } from '@campus/logger';
import { createProducerConnection, createQueueSet } from '@campus/queues';
import { createReceiver } from './app.js';
import { createConfiguredPaypalVerifier } from './paypal-setup.js';
import { closeServer } from './server.js';

const config = await exitOnConfigError('receiver', () =>
  loadConfig(['receiver', 'queues', 'magicCode']),
);
const logger = createLogger({ name: 'receiver', level: config.core.logLevel });
const redis = createProducerConnection(config.core.redisUrl);
redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
const queues = createQueueSet(redis, config.core.queuePrefix, config.queues);
for (const queue of queues.all())
  queue.on('error', (error) =>
    logger.warn({ err: error.message, queue: queue.name }, 'queue error'),
  );

const paypal = await createConfiguredPaypalVerifier({ config, redis, logger });

const { handler, stats } = createReceiver({ config, redis, queues, logger, paypal });
const server = createServer(handler).listen(config.receiver.port, config.receiver.host);
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: no new requests, finishing those in flight');
  await closeServer(server, logger);
  await stats.close();
  await queues.close();
  await redis.quit().catch(() => redis.disconnect());
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
logger.info(
  {
    port,
    mode: config.core.mode,
    sources: config.receiver.sources,
    paypalVerifyMode: config.receiver.paypalVerifyMode,
  },
  `receiver listening on http://${config.receiver.host}:${port}`,
);
if (config.core.mode === 'sandbox') {
  logger.warn('sandbox mode: unset secrets use the development values; never expose this receiver');
}
