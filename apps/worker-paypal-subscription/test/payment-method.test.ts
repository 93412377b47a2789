import { describe, expect } from 'vitest';
import { readFixture } from '@campus/testing';
import { fakturiaRequests, paypalRequests, subscriptions, test } from './world.js';

/**
 * Every CONTRACT_ACTIVATED reaches this worker: Fakturia documents
 * `paymentMethod` on the customer, and a contract may leave it there. Only a
 * contract paid with PayPal gets a subscription.
 */
const CUSTOMER = { email: 'mail@example.net', firstName: 'Holger', lastName: 'Tester' };
const HOLGER = { source: 'fakturia', id: 'K1234' } as const;
const CUSTOMER_PAYS = 'fakturia/CONTRACT_ACTIVATED-customer-pays.json';

describe('a contract that names no payment method of its own', () => {
  test('gets its subscription and approval mail when its customer pays with PayPal', async ({
    world,
    startPaypalWorker,
  }) => {
    await world.directory.upsert(HOLGER, { ...CUSTOMER, paymentMethod: 'PAYPAL' });
    await startPaypalWorker();
    const { eventKey } = await world.deliver('fakturia', CUSTOMER_PAYS);

    expect((await world.settled(eventKey)).state).toBe('completed');
    const [subscription, ...more] = await subscriptions(world);
    expect(more).toEqual([]);
    expect(subscription).toMatchObject({ custom_id: 'V-1002', plan_id: 'P-SANDBOX-KURS-PM-ABO' });
    expect((await world.mails()).map((m) => m.subject)).toEqual([
      'Bitte bestätigen Sie Ihr PayPal-Abonnement (Vertrag V-1002)',
    ]);
    expect(await fakturiaRequests(world)).toEqual([]);
  });

  test('gets nothing at PayPal and no mail when its customer pays by bank transfer', async ({
    world,
    startPaypalWorker,
  }) => {
    await world.directory.upsert(HOLGER, { ...CUSTOMER, paymentMethod: 'BANKTRANSFER' });
    await startPaypalWorker();
    const { eventKey } = await world.deliver('fakturia', CUSTOMER_PAYS);

    expect(await world.settled(eventKey)).toMatchObject({
      state: 'completed',
      returnvalue: { skipped: 'not paid with PayPal', paymentMethod: 'BANKTRANSFER' },
    });
    expect(await world.control('GET', '/paypal/requests')).toEqual([]);
    expect(await world.mails()).toEqual([]);
  });

  test("asks Fakturia for the customer's payment method when the directory's record has none", async ({
    world,
    startPaypalWorker,
  }) => {
    // Written before the directory kept payment methods.
    await world.directory.upsert(HOLGER, CUSTOMER);
    await world.control('POST', '/fakturia/customers', {
      customers: [{ customerNumber: 'K1234', ...CUSTOMER, paymentMethod: 'BANKTRANSFER' }],
    });
    await startPaypalWorker();
    const { eventKey } = await world.deliver('fakturia', CUSTOMER_PAYS);

    expect(await world.settled(eventKey)).toMatchObject({
      state: 'completed',
      returnvalue: { skipped: 'not paid with PayPal' },
    });
    expect(await fakturiaRequests(world)).toEqual(['GET /fakturia/api/v1/Customers/K1234']);
    expect((await world.directory.get(HOLGER))?.paymentMethod).toBe('BANKTRANSFER');
    expect(await paypalRequests(world, '/v1/billing/subscriptions')).toEqual([]);
  });

  test('fails at once, naming contract and customer, when neither says how it is paid', async ({
    world,
    startPaypalWorker,
  }) => {
    await world.directory.upsert(HOLGER, CUSTOMER);
    await world.control('POST', '/fakturia/customers', {
      customers: [{ customerNumber: 'K1234', ...CUSTOMER }],
    });
    await startPaypalWorker();
    const { eventKey } = await world.deliver('fakturia', CUSTOMER_PAYS);

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe(
      'PaymentMethodUnknownError: Contract V-1002 names no paymentMethod, and neither does its customer K1234 ' +
        '(in the customer directory or at Fakturia), so whether it needs a PayPal subscription cannot be told. ' +
        'Set the payment method of the customer or the contract in Fakturia, then retry this job.',
    );
    expect(await world.mails()).toEqual([]);
  });
});

describe('a contract paid by bank transfer', () => {
  test('completes without asking the directory, Fakturia or PayPal', async ({
    world,
    startPaypalWorker,
  }) => {
    await world.directory.upsert(HOLGER, { ...CUSTOMER, paymentMethod: 'PAYPAL' });
    await startPaypalWorker();
    const body = JSON.parse(readFixture('fakturia/CONTRACT_ACTIVATED.json')) as {
      payload: { contract: { paymentMethod: string } };
    };
    body.payload.contract.paymentMethod = 'BANKTRANSFER';
    const { eventKey } = await world.deliver('fakturia', body);

    expect(await world.settled(eventKey)).toMatchObject({
      state: 'completed',
      returnvalue: { skipped: 'not paid with PayPal', paymentMethod: 'BANKTRANSFER' },
    });
    expect(await world.control('GET', '/paypal/requests')).toEqual([]);
    expect(await fakturiaRequests(world)).toEqual([]);
    expect(await world.mails()).toEqual([]);
  });
});
