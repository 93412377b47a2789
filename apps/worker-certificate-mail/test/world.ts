import { workerTest } from '@campus/worker-testing';
import { createCertificateWorker } from '../src/worker.js';

/** The certificate-mail world, with the worker running in this process as main.ts wires it. */
export const test = workerTest({ queue: 'certificate-mail' }).extend(
  'worker',
  { auto: true },
  async ({ world }) => {
    const mailer = world.createMailer();
    const definition = createCertificateWorker({ mailer, from: world.config.mail.from });
    return world.startWorker(definition, { settings: { concurrency: 2 } });
  },
);
