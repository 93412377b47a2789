import { createMailer } from '@campus/mailer';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { resolveOfferSettings } from './offer-settings.js';
import { createOfferStore } from './offer-store.js';
import { createOfferWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-offer-mail',
  configGroups: ['mail', 'offers', 'website'],
  async build(config, logger) {
    // Settings that parse but make no sense stop the process like a missing
    // variable does (an OfferSettingsError is a ConfigError: exit 78), before
    // any connection is opened.
    const settings = resolveOfferSettings({ ...config.offers, baseUrl: config.website.baseUrl });
    // Commands wait out a short Redis outage instead of failing the job at once.
    const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const mailer = createMailer({ config: config.mail, logger });
    const definition = createOfferWorker({
      store: createOfferStore(redis, config.core.queuePrefix),
      settings,
      mailer,
      from: config.mail.from,
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
