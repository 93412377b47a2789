import { describe, expect } from 'vitest';
import type { FakturiaContract } from '@campus/events';
import { deriveMessageId } from '@campus/mailer';
import { readFixture } from '@campus/testing';
import type { Retries, WorkerWorld } from '@campus/worker-testing';
import { fakturiaRequests, paypalRequests, subscriptions, test } from './world.js';

const CUSTOMER = { email: 'mail@example.net', firstName: 'Holger', lastName: 'Tester' };
const HOLGER = { source: 'fakturia', id: 'K1234' } as const;

/** Delivers the CONTRACT_ACTIVATED fixture (contract fields overridden) as Fakturia would; returns its event key. */
async function deliverContract(
  world: WorkerWorld,
  contract: Partial<FakturiaContract> = {},
  retries?: Retries,
) {
  const envelope = JSON.parse(readFixture('fakturia/CONTRACT_ACTIVATED.json')) as {
    payload: { contract: FakturiaContract };
  };
  envelope.payload.contract = { ...envelope.payload.contract, ...contract };
  return (await world.deliver('fakturia', envelope, { retries })).eventKey;
}

describe('worker-paypal-subscription', () => {
  test('creates the subscription with the mapped plan, links it and mails the approval link', async ({
    world,
    startPaypalWorker,
  }) => {
    await world.directory.upsert(HOLGER, CUSTOMER);
    await startPaypalWorker();
    const eventKey = await deliverContract(world);

    expect((await world.settled(eventKey)).state).toBe('completed');
    const [subscription, ...more] = await subscriptions(world);
    expect(more).toEqual([]);
    expect(subscription).toMatchObject({
      plan_id: 'P-SANDBOX-KURS-PM-ABO',
      custom_id: 'V-1001',
      subscriber: {
        email_address: 'mail@example.net',
        name: { given_name: 'Holger', surname: 'Tester' },
      },
    });
    const [request] = await paypalRequests(world, '/v1/billing/subscriptions');
    expect(request?.headers['paypal-request-id']).toBe(eventKey);
    expect(request?.body).toMatchObject({
      application_context: { brand_name: 'Campus', locale: 'de-DE', user_action: 'SUBSCRIBE_NOW' },
    });
    expect(await world.links.find(subscription!.id)).toEqual({
      contractNumber: 'V-1001',
      customerNumber: 'K1234',
    });

    const [mail, ...others] = await world.mails();
    expect(others).toEqual([]);
    expect(mail?.to).toEqual(['mail@example.net']);
    expect(mail?.subject).toBe('Bitte bestätigen Sie Ihr PayPal-Abonnement (Vertrag V-1001)');
    expect(mail?.text).toContain(`${world.sandbox.url}/paypal/approve/${subscription!.id}`);
    expect(mail?.text).toContain('Guten Tag Holger Tester,');
    expect(mail?.messageId).toBe(
      deriveMessageId(`${eventKey}/paypal_freigabe`, world.config.mail.from),
    );
  });

  test('creates exactly one subscription when PayPal times out after doing the work', async ({
    world,
    startPaypalWorker,
  }) => {
    await world.directory.upsert(HOLGER, CUSTOMER);
    const paypal = await startPaypalWorker({ timeoutMs: 2_000 });
    await paypal.accessToken(); // the knob must hit the subscription call, not the token
    await world.control('POST', '/paypal/fail', { count: 1, mode: 'timeout-after-work' });
    const eventKey = await deliverContract(world);

    expect((await world.settled(eventKey)).state).toBe('completed');
    // Retried at least once, every call carrying the same PayPal-Request-Id.
    const requests = await paypalRequests(world, '/v1/billing/subscriptions');
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(requests.map((r) => r.headers['paypal-request-id']))).toEqual(
      new Set([eventKey]),
    );
    expect(await subscriptions(world)).toHaveLength(1);
    expect(await world.mails()).toHaveLength(1);
  });

  test('asks PayPal for one token for several contracts', async ({ world, startPaypalWorker }) => {
    await world.directory.upsert(HOLGER, CUSTOMER);
    await startPaypalWorker();
    const keys = [];
    for (const contractNumber of ['V-1001', 'V-1002', 'V-1003'])
      keys.push(await deliverContract(world, { contractNumber }));

    for (const key of keys) expect((await world.settled(key)).state).toBe('completed');
    expect(await subscriptions(world)).toHaveLength(3);
    expect(await paypalRequests(world, '/v1/oauth2/token')).toHaveLength(1);
  });

  test('fails a contract without a mapped plan at once, naming its item numbers', async ({
    world,
    startPaypalWorker,
  }) => {
    await world.directory.upsert(HOLGER, CUSTOMER);
    await startPaypalWorker();
    const eventKey = await deliverContract(world, {
      items: [{ itemNumber: 'KURS-UNBEKANNT', quantity: 1, unitPrice: 10 }],
    });

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe(
      'NoPaypalPlanError: Contract V-1001 has no item with a PayPal plan (item numbers: KURS-UNBEKANNT). ' +
        'Map one of them to a plan id in PAYPAL_PLAN_MAP, restart the worker and retry the job.',
    );
    expect(await paypalRequests(world, '/v1/billing/subscriptions')).toEqual([]);
    expect(await world.mails()).toEqual([]);
  });

  test('fetches a customer the directory lacks from Fakturia and creates the subscription', async ({
    world,
    startPaypalWorker,
  }) => {
    await world.control('POST', '/fakturia/customers', {
      customers: [{ customerNumber: 'K1234', ...CUSTOMER, paymentMethod: 'PAYPAL' }],
    });
    await startPaypalWorker();
    const eventKey = await deliverContract(world);

    expect((await world.settled(eventKey)).state).toBe('completed');
    expect(await fakturiaRequests(world)).toEqual(['GET /fakturia/api/v1/Customers/K1234']);
    expect(await world.directory.get(HOLGER)).toMatchObject({
      ...CUSTOMER,
      paymentMethod: 'PAYPAL',
    });
    expect(await subscriptions(world)).toHaveLength(1);
    expect((await world.mails()).map((m) => m.to)).toEqual([['mail@example.net']]);
  });

  test('fails at once, saying what to check, when Fakturia does not know the customer either', async ({
    world,
    startPaypalWorker,
  }) => {
    await startPaypalWorker();
    const eventKey = await deliverContract(world);

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain(
      'CustomerUnknownAtFakturiaError: Customer K1234 is not in the customer directory and Fakturia does not know it either',
    );
    expect(job.failedReason).toContain(
      'so the PayPal subscription of contract V-1001 cannot be done',
    );
    expect(await paypalRequests(world, '/v1/billing/subscriptions')).toEqual([]);
    expect(await world.mails()).toEqual([]);
  });
});
