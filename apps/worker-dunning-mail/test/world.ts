import { readFixture } from '@campus/testing';
import { createPaypalPayments } from '@campus/customer-directory';
import { captureLogs, workerTest } from '@campus/worker-testing';
import { createPaypalCover } from '../src/paypal-cover.js';
import { createDunningMailWorker } from '../src/worker.js';

/** The dunning-mail world, without a worker in this process: for tests that run the app as a process. */
export const worldTest = workerTest({ queue: 'dunning-mail' });

/** The same, with the worker running in this process as main.ts wires it; its log lines collected. */
export const test = worldTest.extend('worker', { auto: true }, async ({ world }) => {
  const logs = captureLogs('worker-dunning-mail');
  const paypalPayments = createPaypalPayments(world.connection, world.prefix);
  const definition = createDunningMailWorker({
    mailer: world.createMailer(logs.logger),
    from: world.config.mail.from,
    directory: world.directory,
    ledger: world.ledger,
    paypalPayments,
    paypalCover: createPaypalCover(world.connection, world.prefix, paypalPayments, {
      leadDays: 7,
    }),
    subscriptions: world.links,
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
