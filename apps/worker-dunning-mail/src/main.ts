import {
  createCustomerDirectory,
  createInvoiceLedger,
  createSubscriptionLinks,
} from '@campus/customer-directory';
import { createMailer } from '@campus/mailer';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { createDunningMailWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-dunning-mail',
  configGroups: ['mail'],
  async build(config, logger) {
    // Directory reads queue up while Redis reconnects instead of failing the job at once.
    const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const prefix = config.core.queuePrefix;
    const mailer = createMailer({ config: config.mail, logger });
    const definition = createDunningMailWorker({
      mailer,
      from: config.mail.from,
      directory: createCustomerDirectory(redis, prefix),
      ledger: createInvoiceLedger(redis, prefix),
      subscriptions: createSubscriptionLinks(redis, prefix),
    });
    return {
      definition,
      async close() {
        await mailer.close();
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  },
});
