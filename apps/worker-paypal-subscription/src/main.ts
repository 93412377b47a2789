import { createFakturiaClient, createPaypalClient } from '@campus/clients';
import {
  createCustomerDirectory,
  createCustomerResolver,
  createSubscriptionLinks,
} from '@campus/customer-directory';
import { createMailer } from '@campus/mailer';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { createRequestIdWindow } from './request-id-window.js';
import { createPaypalSubscriptionWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-paypal-subscription',
  configGroups: ['paypal', 'fakturia', 'catalog', 'mail', 'website'],
  async build(config, logger) {
    const { apiUrl, clientId, clientSecret } = config.paypal;
    // Offline queue on: a Redis restart delays a job instead of failing its attempt.
    const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const prefix = config.core.queuePrefix;
    const mailer = createMailer({ config: config.mail, logger });
    const directory = createCustomerDirectory(redis, prefix);
    const fakturia = createFakturiaClient(config.fakturia);
    const definition = createPaypalSubscriptionWorker({
      paypal: createPaypalClient({ apiUrl, clientId, clientSecret }),
      directory,
      customers: createCustomerResolver({ directory, fetchFakturiaCustomer: fakturia.getCustomer }),
      links: createSubscriptionLinks(redis, prefix),
      requestIds: createRequestIdWindow(redis, { prefix }),
      mailer,
      from: config.mail.from,
      plans: config.catalog.paypalPlans,
      siteUrl: config.website.baseUrl,
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
