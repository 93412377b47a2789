import { createFakturiaClient, createPaypalClient, paypalEventConfirmer } from '@campus/clients';
import {
  createCustomerDirectory,
  createCustomerResolver,
  createInvoiceLedger,
  createPaypalPayments,
  createSubscriptionLinks,
} from '@campus/customer-directory';
import { createMailer } from '@campus/mailer';
import { closeConnection, createProducerConnection, runWorkerApp } from '@campus/queues';
import { createPaypalCover } from './paypal-cover.js';
import { createDunningMailWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-dunning-mail',
  configGroups: ['mail', 'fakturia', 'paypal', 'dunning'],
  async build(config, logger) {
    // Directory reads queue up while Redis reconnects instead of failing the job at once.
    const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const prefix = config.core.queuePrefix;
    const mailer = createMailer({ config: config.mail, logger });
    const directory = createCustomerDirectory(redis, prefix);
    const fakturia = createFakturiaClient(config.fakturia);
    const { apiUrl, clientId, clientSecret, confirmEvents } = config.paypal;
    const paypal = createPaypalClient({ apiUrl, clientId, clientSecret });
    const paypalPayments = createPaypalPayments(redis, prefix);
    const definition = createDunningMailWorker({
      mailer,
      from: config.mail.from,
      directory,
      customers: createCustomerResolver({ directory, fetchFakturiaCustomer: fakturia.getCustomer }),
      ledger: createInvoiceLedger(redis, prefix),
      paypalPayments,
      paypalCover: createPaypalCover(redis, prefix, paypalPayments, {
        leadDays: config.dunning.paypalLeadDays,
      }),
      subscriptions: createSubscriptionLinks(redis, prefix),
      confirmPaypalEvents: paypalEventConfirmer(paypal, confirmEvents),
    });
    return {
      definition,
      async close() {
        await mailer.close();
        await closeConnection(redis);
      },
    };
  },
});
