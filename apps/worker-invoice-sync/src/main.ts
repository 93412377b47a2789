import { createPaypalClient, paypalEventConfirmer } from '@campus/clients';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { createInvoiceSyncDeps } from './deps.js';
import { createInvoiceSyncWorker } from './worker.js';

const DAY_SECONDS = 24 * 60 * 60;
// Lexoffice answers in well under a second; past this the call is retried
// (and the retry first looks for the voucher the call may have created).
const LEXOFFICE_TIMEOUT_MS = 20_000;

await runWorkerApp({
  name: 'worker-invoice-sync',
  configGroups: ['lexoffice', 'catalog', 'paypal'],
  async build(config, logger) {
    const redis = createProducerConnection(config.core.redisUrl, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const { apiUrl, clientId, clientSecret, confirmEvents } = config.paypal;
    const paypal = createPaypalClient({ apiUrl, clientId, clientSecret });
    const deps = createInvoiceSyncDeps(redis, config.core.queuePrefix, {
      lexoffice: {
        apiUrl: config.lexoffice.apiUrl,
        apiKey: config.lexoffice.apiKey,
        timeoutMs: LEXOFFICE_TIMEOUT_MS,
      },
      requestsPerSecond: config.lexoffice.requestsPerSecond,
      products: config.catalog.products,
      markerTtlSeconds: config.queues.keepFailedDays * DAY_SECONDS,
      confirmPaypalEvents: paypalEventConfirmer(paypal, confirmEvents),
    });
    return {
      definition: createInvoiceSyncWorker(deps),
      async close() {
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  },
});
