import { createPaypalClient } from '@campus/clients';
import { createCustomerDirectory, createSubscriptionLinks } from '@campus/customer-directory';
import { createMailer } from '@campus/mailer';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { createPaypalSubscriptionWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-paypal-subscription',
  configGroups: ['paypal', 'catalog', 'mail', 'website'],
  async build(config, logger) {
    const { apiUrl, clientId, clientSecret } = config.paypal;
    if (!apiUrl || !clientId || !clientSecret) {
      // Only reachable outside sandbox mode with production checks bypassed; name what is missing.
      throw new Error(
        'worker-paypal-subscription needs PAYPAL_API_URL, PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET',
      );
    }
    // Offline queue on: a Redis restart delays a job instead of failing its attempt.
    const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const mailer = createMailer({ config: config.mail, logger });
    const definition = createPaypalSubscriptionWorker({
      paypal: createPaypalClient({ apiUrl, clientId, clientSecret }),
      directory: createCustomerDirectory(redis, config.core.queuePrefix),
      links: createSubscriptionLinks(redis, config.core.queuePrefix),
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
