import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitOnConfigError, loadConfig } from '@campus/config';
import { createLogger } from '@campus/logger';
import { createProducerConnection, createQueueSet } from '@campus/queues';
import { createReceiver } from './app.js';
import { createMetricsServer } from './metrics-server.js';
import { createConfiguredPaypalVerifier } from './paypal-setup.js';
import { closeServer, createReceiverServer } from './server.js';

const config = await exitOnConfigError('receiver', () =>
  loadConfig(['receiver', 'queues', 'magicCode', 'certificatePage']),
);
const logger = createLogger({ name: 'receiver', level: config.core.logLevel });
const redis = createProducerConnection(config.core);
redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
const queues = createQueueSet(redis, config.core.queuePrefix, config.queues);
for (const queue of queues.all())
  queue.on('error', (error) =>
    logger.warn({ err: error.message, queue: queue.name }, 'queue error'),
  );

const paypal = await createConfiguredPaypalVerifier({ config, redis, logger });

const { handler, stats, metrics } = createReceiver({ config, redis, queues, logger, paypal });
const server = createReceiverServer(handler, config.receiver, () =>
  metrics.droppedConnections.inc(),
).listen(config.receiver.port, config.receiver.host);
const metricsServer: Server | undefined =
  config.receiver.metricsPort > 0
    ? createMetricsServer(metrics).listen(config.receiver.metricsPort, config.receiver.metricsHost)
    : undefined;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: no new requests, finishing those in flight');
  metricsServer?.close();
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
if (metricsServer) {
  if (!metricsServer.listening) await once(metricsServer, 'listening');
  const metricsPort = (metricsServer.address() as AddressInfo).port;
  logger.info(
    { metricsPort },
    `metrics on http://${config.receiver.metricsHost}:${metricsPort}/metrics`,
  );
}
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
