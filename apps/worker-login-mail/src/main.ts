import { createMailer } from '@campus/mailer';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { createLoginMailWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-login-mail',
  configGroups: ['mail', 'magicCode'],
  async build(config, logger) {
    const mailer = createMailer({ config: config.mail, logger });
    // The code store's own connection. It holds commands through a short
    // Redis reconnect instead of failing them at once; what still fails
    // makes the job retry.
    const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const store = { redis, prefix: config.core.queuePrefix, secret: config.magicCode.secret };
    return {
      definition: createLoginMailWorker({ mailer, from: config.mail.from, store }),
      async close() {
        await mailer.close();
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  },
});
