import { createProsonataClient, createProsonataQuota } from '@campus/clients';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { createAddressSync } from './address-sync.js';
import { createCertificateErasure } from './certificate-erasure.js';
import { createOrderToCustomerWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-order-to-customer',
  configGroups: ['prosonata'],
  async build(config, logger) {
    const { apiUrl, apiKey, customerId, prospectCustomerId } = config.prosonata;
    const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const prefix = config.core.queuePrefix;
    const prosonata = createProsonataClient({
      apiUrl,
      apiKey,
      quota: createProsonataQuota(redis, prefix),
    });
    const addresses = createAddressSync({
      prosonata,
      redis,
      prefix,
      groups: { customers: customerId, prospects: prospectCustomerId },
    });
    return {
      definition: createOrderToCustomerWorker({
        addresses,
        certificates: createCertificateErasure(redis, prefix),
      }),
      async close() {
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  },
});
