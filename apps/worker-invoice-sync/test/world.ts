import { createPaypalClient, paypalEventConfirmer } from '@campus/clients';
import { loadConfig } from '@campus/config';
import type { RecordedRequest } from '@campus/sandbox';
import { workerTest, type WorkerWorld } from '@campus/worker-testing';
import { createInvoiceSyncDeps } from '../src/deps.js';
import { createInvoiceSyncWorker } from '../src/worker.js';

/** What the sandbox keeps of a voucher: its type (from the endpoint) and the body it received. */
export interface StoredVoucher {
  id: string;
  voucherType: 'invoice' | 'creditnote';
  request: Record<string, unknown>;
}

/**
 * The invoice-sync world (a failed job is retried after 100 ms, not 10 s) and
 * `startWorker`, one worker process's worth in this process (call it again
 * for more), wired as main.ts wires it with the sandbox's Lexoffice.
 */
export const worldTest = workerTest({
  queue: 'invoice-sync',
  retries: { attempts: 3, backoffMs: 100 },
}).extend('startWorker', ({ world }) => {
  return async ({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}) => {
    const { lexoffice, catalog, paypal } = loadConfig(
      ['lexoffice', 'catalog', 'paypal'],
      world.env,
    );
    const { apiUrl, clientId, clientSecret, confirmEvents } = paypal;
    const paypalClient = createPaypalClient({ apiUrl, clientId, clientSecret, timeoutMs });
    const deps = createInvoiceSyncDeps(world.connection, world.prefix, {
      lexoffice: { apiUrl: lexoffice.apiUrl, apiKey: lexoffice.apiKey, timeoutMs },
      requestsPerSecond: lexoffice.requestsPerSecond,
      products: catalog.products,
      markerTtlSeconds: 3_600,
      confirmPaypalEvents: paypalEventConfirmer(paypalClient, confirmEvents),
    });
    return world.startWorker(createInvoiceSyncWorker(deps), { settings: { concurrency: 4 } });
  };
});

/** The same, with one worker running for each test. */
export const test = worldTest.extend('worker', { auto: true }, ({ startWorker }) => startWorker());

export const vouchers = (world: WorkerWorld) =>
  world.control<StoredVoucher[]>('GET', '/lexoffice/vouchers');
export const lexofficeRequests = (world: WorkerWorld) =>
  world.control<RecordedRequest[]>('GET', '/lexoffice/requests');
