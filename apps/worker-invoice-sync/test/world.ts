import { createFakturiaClient, createPaypalClient, paypalEventConfirmer } from '@campus/clients';
import { loadConfig } from '@campus/config';
import type { LexofficeStoredFile, LexofficeStoredVoucher, RecordedRequest } from '@campus/sandbox';
import { workerTest, type WorkerWorld } from '@campus/worker-testing';
import { createInvoiceSyncDeps, invoiceSyncSettings } from '../src/deps.js';
import { createInvoiceSyncWorker } from '../src/worker.js';

/** A voucher as `/_control/lexoffice/vouchers` shows it: the body the client sent, its files. */
export type StoredVoucher = Omit<LexofficeStoredVoucher, 'request'> & {
  request: Record<string, unknown>;
};

/** A file as `/_control/lexoffice/files` shows it: without its bytes. */
export type StoredFile = Omit<LexofficeStoredFile, 'data'>;

/** The variables of this world, with Fakturia pointed at the world's sandbox too. */
export const invoiceSyncEnv = (world: WorkerWorld) => ({
  ...world.env,
  FAKTURIA_API_URL: `${world.sandbox.url}/fakturia`,
});

/**
 * The invoice-sync world (a failed job is retried after 100 ms, not 10 s) and
 * `startWorker`, one worker process's worth in this process (call it again
 * for more; `env` for other settings), wired as main.ts wires it, with the
 * sandbox's Lexoffice and Fakturia and the SMTP sink.
 */
export const worldTest = workerTest({
  queue: 'invoice-sync',
  retries: { attempts: 3, backoffMs: 100 },
}).extend('startWorker', ({ world }) => {
  return async ({
    timeoutMs = 10_000,
    env = {},
  }: { timeoutMs?: number; env?: Record<string, string> } = {}) => {
    const config = loadConfig(
      ['lexoffice', 'catalog', 'fakturia', 'downloads', 'queues', 'paypal'],
      {
        ...invoiceSyncEnv(world),
        ...env,
      },
    );
    const deps = createInvoiceSyncDeps(
      world.connection,
      world.prefix,
      { ...invoiceSyncSettings(config, { timeoutMs }), markerTtlSeconds: 3_600 },
      {
        fakturia: createFakturiaClient({
          apiUrl: config.fakturia.apiUrl,
          apiKey: config.fakturia.apiKey,
        }),
        mail: { mailer: world.createMailer(), from: world.config.mail.from },
        confirmPaypalEvents: paypalEventConfirmer(
          createPaypalClient({ ...config.paypal, timeoutMs }),
          config.paypal.confirmEvents,
        ),
      },
    );
    return world.startWorker(createInvoiceSyncWorker(deps), { settings: { concurrency: 4 } });
  };
});

/** The same, with one worker running for each test. */
export const test = worldTest.extend('worker', { auto: true }, ({ startWorker }) => startWorker());

export const vouchers = (world: WorkerWorld) =>
  world.control<StoredVoucher[]>('GET', '/lexoffice/vouchers');
export const lexofficeFiles = (world: WorkerWorld) =>
  world.control<StoredFile[]>('GET', '/lexoffice/files');
export const lexofficeRequests = (world: WorkerWorld) =>
  world.control<RecordedRequest[]>('GET', '/lexoffice/requests');
export const fakturiaRequests = (world: WorkerWorld) =>
  world.control<RecordedRequest[]>('GET', '/fakturia/requests');

/** Fakturia's invoice PDFs, as Fakturia would serve them (`GET /Invoices/{n}/Document`). */
export const seedFakturiaDocuments = (world: WorkerWorld, ...invoiceNumbers: string[]) =>
  world.control('POST', '/fakturia/invoices', {
    invoices: invoiceNumbers.map((invoiceNumber) => ({ invoiceNumber })),
  });
