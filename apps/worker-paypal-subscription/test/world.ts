import { createPaypalClient } from '@campus/clients';
import { loadConfig } from '@campus/config';
import type { RecordedRequest } from '@campus/sandbox';
import { workerTest, type WorkerWorld } from '@campus/worker-testing';
import { createPaypalSubscriptionWorker } from '../src/worker.js';

/**
 * The paypal-subscription world (a failed job is retried after 300 ms, not
 * 10 s) and `startPaypalWorker`, which runs the worker in this process as
 * main.ts wires it and returns its PayPal client, for a test to call too.
 */
export const test = workerTest({
  queue: 'paypal-subscription',
  retries: { attempts: 5, backoffMs: 300 },
}).extend('startPaypalWorker', ({ world }) => {
  return async (timeoutMs?: number) => {
    const {
      paypal: api,
      catalog,
      website,
    } = loadConfig(['paypal', 'catalog', 'website'], world.env);
    const { apiUrl, clientId, clientSecret } = api;
    const paypal = createPaypalClient({ apiUrl, clientId, clientSecret, timeoutMs });
    const definition = createPaypalSubscriptionWorker({
      paypal,
      directory: world.directory,
      links: world.links,
      mailer: world.createMailer(),
      from: world.config.mail.from,
      plans: catalog.paypalPlans,
      siteUrl: website.baseUrl,
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

/** The subscriptions the sandbox's PayPal holds. */
export const subscriptions = (world: WorkerWorld) =>
  world.control<{ id: string; plan_id: string; custom_id?: string; subscriber?: unknown }[]>(
    'GET',
    '/paypal/subscriptions',
  );
