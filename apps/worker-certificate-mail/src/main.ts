import { createMailer } from '@campus/mailer';
import { runWorkerApp } from '@campus/queues';
import { createCertificateWorker } from './worker.js';

await runWorkerApp({
  name: 'worker-certificate-mail',
  configGroups: ['mail'],
  async build(config, logger) {
    const mailer = createMailer({ config: config.mail, logger });
    return {
      definition: createCertificateWorker({ mailer, from: config.mail.from }),
      close: () => mailer.close(),
    };
  },
});
