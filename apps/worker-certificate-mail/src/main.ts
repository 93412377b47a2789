import { createCertificateRegistry } from '@campus/certificate-registry';
import { createMailer } from '@campus/mailer';
import { createProducerConnection, runWorkerApp } from '@campus/queues';
import { createCertificateWorker } from './worker.js';
import { createZertifikatMailOnce } from './zertifikat-mail-once.js';

const DAY_SECONDS = 24 * 60 * 60;

await runWorkerApp({
  name: 'worker-certificate-mail',
  configGroups: ['mail', 'certificates'],
  async build(config, logger) {
    const mailer = createMailer({ config: config.mail, logger });
    // The registry's connection holds commands through a short Redis reconnect.
    const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
    redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
    const prefix = config.core.queuePrefix;
    const definition = createCertificateWorker({
      mailer,
      from: config.mail.from,
      registry: createCertificateRegistry(redis, prefix),
      publicBaseUrl: config.certificates.publicBaseUrl,
      mailOnce: createZertifikatMailOnce(redis, prefix, {
        ttlSeconds: config.queues.keepFailedDays * DAY_SECONDS,
        leaseMs: config.worker.lockMs,
      }),
      now: () => new Date(),
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
