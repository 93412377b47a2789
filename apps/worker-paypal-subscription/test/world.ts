import { createFakturiaClient, createPaypalClient } from '@campus/clients';
import { loadConfig } from '@campus/config';
import { createCustomerResolver } from '@campus/customer-directory';
import type { RecordedRequest } from '@campus/sandbox';
import { workerTest, type WorkerWorld } from '@campus/worker-testing';
import { createRequestIdWindow } from '../src/request-id-window.js';
import { createPaypalSubscriptionWorker } from '../src/worker.js';

export interface PaypalWorkerOptions {
  /** The PayPal client's timeout per call. */
  timeoutMs?: number;
  /** The clock of the PayPal-Request-Id window. */
  now?: () => number;
}

/**
 * The paypal-subscription world (a failed job is retried after 300 ms, not
 * 10 s) and `startPaypalWorker`, which runs the worker in this process as
 * main.ts wires it and returns its PayPal client, for a test to call too.
 */
export const test = workerTest({
  queue: 'paypal-subscription',
  retries: { attempts: 5, backoffMs: 300 },
}).extend('startPaypalWorker', ({ world }) => {
  return async ({ timeoutMs, now }: PaypalWorkerOptions = {}) => {
    const config = loadConfig(['paypal', 'fakturia', 'catalog', 'website'], world.env);
    const { apiUrl, clientId, clientSecret } = config.paypal;
    const paypal = createPaypalClient({ apiUrl, clientId, clientSecret, timeoutMs });
    const fakturia = createFakturiaClient(config.fakturia);
    const definition = createPaypalSubscriptionWorker({
      paypal,
      directory: world.directory,
      customers: createCustomerResolver({
        directory: world.directory,
        fetchFakturiaCustomer: fakturia.getCustomer,
      }),
      links: world.links,
      requestIds: createRequestIdWindow(world.connection, { prefix: world.prefix, now }),
      mailer: world.createMailer(),
      from: world.config.mail.from,
      plans: config.catalog.paypalPlans,
      siteUrl: config.website.baseUrl,
    });
    await world.startWorker(definition, { settings: { concurrency: 2 } });
    return paypal;
  };
});

/** The requests the sandbox's PayPal received at `path`. */
export const paypalRequests = async (world: WorkerWorld, path: string) =>
  (await world.control<RecordedRequest[]>('GET', '/paypal/requests')).filter(
    (r) => r.path === `/paypal${path}`,
  );

/** The requests the sandbox's Fakturia received, as `METHOD /path`. */
export const fakturiaRequests = async (world: WorkerWorld) =>
  (await world.control<RecordedRequest[]>('GET', '/fakturia/requests')).map(
    (r) => `${r.method} ${r.path}`,
  );

/** The subscriptions the sandbox's PayPal holds. */
export const subscriptions = (world: WorkerWorld) =>
  world.control<{ id: string; plan_id: string; custom_id?: string; subscriber?: unknown }[]>(
    'GET',
    '/paypal/subscriptions',
  );
