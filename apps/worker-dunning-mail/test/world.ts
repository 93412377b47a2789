import { createFakturiaClient, createPaypalClient, paypalEventConfirmer } from '@campus/clients';
import { loadConfig } from '@campus/config';
import { createCustomerResolver } from '@campus/customer-directory';
import type { RecordedRequest } from '@campus/sandbox';
import { readFixture } from '@campus/testing';
import { createPaypalPayments } from '@campus/customer-directory';
import { captureLogs, workerTest, type WorkerWorld } from '@campus/worker-testing';
import { createPaypalCover } from '../src/paypal-cover.js';
import { createDunningMailWorker } from '../src/worker.js';

/** The dunning-mail world, without a worker in this process: for tests that run the app as a process. */
export const worldTest = workerTest({ queue: 'dunning-mail' });

/** The same, with the worker running in this process as main.ts wires it; its log lines collected. */
export const test = worldTest.extend('worker', { auto: true }, async ({ world }) => {
  const logs = captureLogs('worker-dunning-mail');
  const { fakturia: fakturiaApi, paypal: paypalApi } = loadConfig(
    ['fakturia', 'paypal'],
    world.env,
  );
  const fakturia = createFakturiaClient(fakturiaApi);
  const { apiUrl, clientId, clientSecret, confirmEvents } = paypalApi;
  const paypal = createPaypalClient({ apiUrl, clientId, clientSecret, timeoutMs: 2_000 });
  const paypalPayments = createPaypalPayments(world.connection, world.prefix);
  const definition = createDunningMailWorker({
    mailer: world.createMailer(logs.logger),
    from: world.config.mail.from,
    directory: world.directory,
    customers: createCustomerResolver({
      directory: world.directory,
      fetchFakturiaCustomer: fakturia.getCustomer,
    }),
    ledger: world.ledger,
    paypalPayments,
    paypalCover: createPaypalCover(world.connection, world.prefix, paypalPayments, {
      leadDays: 7,
    }),
    subscriptions: world.links,
    confirmPaypalEvents: paypalEventConfirmer(paypal, confirmEvents),
  });
  await world.startWorker(definition, {
    logger: logs.logger,
    settings: { lockMs: 5_000, stalledIntervalMs: 2_000 },
  });
  return { logs: logs.lines, rawLogs: logs.text };
});

/** The customer of the Fakturia fixtures, as order-to-customer writes it from CUSTOMER_CREATED. */
export const HOLGER = {
  ref: { source: 'fakturia', id: 'K1234' } as const,
  record: { email: 'mail@example.net', firstName: 'Holger', lastName: 'Tester' },
};

/** A Fakturia fixture with parts of its payload replaced (a different event, so a different key). */
export function dunningBody(change: (payload: Record<string, unknown>) => void): string {
  const body = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json')) as {
    payload: Record<string, unknown>;
  };
  change(body.payload);
  return JSON.stringify(body);
}

/** The requests an upstream stand-in received (`fakturia`, `paypal`), as `METHOD /path`. */
export async function upstreamRequests(world: WorkerWorld, upstream: 'fakturia' | 'paypal') {
  const requests = await world.control<RecordedRequest[]>('GET', `/${upstream}/requests`);
  return requests.map((r) => `${r.method} ${r.path}`);
}
