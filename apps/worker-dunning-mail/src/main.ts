import {
  createCustomerDirectory,
  createInvoiceLedger,
  createPaypalPayments,
  createSubscriptionLinks,
} from '@campus/customer-directory';
import { createMailer } from '@campus/mailer';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { createPaypalCover } from './paypal-cover.js';
import { createDunningMailWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-dunning-mail',
  configGroups: ['mail', 'dunning'],
  async build(config, logger) {
    // Directory reads queue up while Redis reconnects instead of failing the job at once.
    const redis = createProducerConnection(config.core.redisUrl, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const prefix = config.core.queuePrefix;
    const mailer = createMailer({ config: config.mail, logger });
    const paypalPayments = createPaypalPayments(redis, prefix);
    const definition = createDunningMailWorker({
      mailer,
      from: config.mail.from,
      directory: createCustomerDirectory(redis, prefix),
      ledger: createInvoiceLedger(redis, prefix),
      paypalPayments,
      paypalCover: createPaypalCover(redis, prefix, paypalPayments, {
        leadDays: config.dunning.paypalLeadDays,
      }),
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
