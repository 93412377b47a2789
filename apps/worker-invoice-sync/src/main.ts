import { createFakturiaClient, createPaypalClient, paypalEventConfirmer } from '@campus/clients';
import { createMailer } from '@campus/mailer';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { createInvoiceSyncDeps, invoiceSyncSettings } from './deps.js';
import { createInvoiceSyncWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-invoice-sync',
  configGroups: ['lexoffice', 'catalog', 'fakturia', 'mail', 'downloads', 'paypal'],
  async build(config, logger) {
    const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const mailer = createMailer({ config: config.mail, logger });
    const { apiUrl, clientId, clientSecret, confirmEvents } = config.paypal;
    const paypal = createPaypalClient({ apiUrl, clientId, clientSecret });
    const deps = createInvoiceSyncDeps(
      redis,
      config.core.queuePrefix,
      invoiceSyncSettings(config),
      {
        fakturia: createFakturiaClient({
          apiUrl: config.fakturia.apiUrl,
          apiKey: config.fakturia.apiKey,
        }),
        mail: { mailer, from: config.mail.from },
        confirmPaypalEvents: paypalEventConfirmer(paypal, confirmEvents),
      },
    );
    return {
      definition: createInvoiceSyncWorker(deps),
      async close() {
        await mailer.close();
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  },
});
