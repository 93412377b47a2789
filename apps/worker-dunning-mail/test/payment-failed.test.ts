import { describe, expect } from 'vitest';
import { readFixture, waitFor } from '@campus/testing';
import { HOLGER, test, upstreamRequests } from './world.js';

const SUBSCRIPTION = 'I-BW452GLLEP1G';

describe('a PayPal PAYMENT.SALE.DENIED', () => {
  test('sends one zahlung_fehlgeschlagen mail to the customer of the linked subscription', async ({
    world,
  }) => {
    // Written by paypal-subscription and order-to-customer respectively.
    await world.links.link(SUBSCRIPTION, {
      contractNumber: 'V-1001',
      customerNumber: 'K1234',
    });
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const accepted = await world.deliver('paypal', 'paypal/PAYMENT.SALE.DENIED.json');

    const { state, returnvalue } = await world.settled(accepted.eventKey);
    expect(state).toBe('completed');
    expect(returnvalue).toMatchObject({ template: 'zahlung_fehlgeschlagen' });
    const mails = await world.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelope.to).toEqual(['mail@example.net']);
    expect(mails[0]!.subject).toBe('Ihre Zahlung konnte nicht ausgeführt werden');
    expect(mails[0]!.text).toContain('Guten Tag Holger Tester,');
    expect(mails[0]!.text).toContain('Ihre Zahlung über 100,00 € per PayPal');
  });

  test('asks PayPal for its copy of the event before the mail goes out', async ({ world }) => {
    await world.links.link(SUBSCRIPTION, { contractNumber: 'V-1001', customerNumber: 'K1234' });
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const { eventKey } = await world.deliver('paypal', 'paypal/PAYMENT.SALE.DENIED.json');

    expect((await world.settled(eventKey)).state).toBe('completed');
    expect(await upstreamRequests(world, 'paypal')).toContain(
      'GET /paypal/v1/notifications/webhooks-events/WH-7Y7254563A4550640-11V2185806837105M',
    );
    expect(await world.mails()).toHaveLength(1);
  });

  test('retries while the subscription is not linked yet, then sends', async ({ world }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const { eventKey: id } = await world.deliver('paypal', 'paypal/PAYMENT.SALE.DENIED.json', {
      retries: { attempts: 50, backoffMs: 200 },
    });

    const waiting = await waitFor('a failed attempt', async () => {
      const job = await world.queue.getJob(id);
      return job !== undefined && job.attemptsMade >= 1 ? job : undefined;
    });
    expect(waiting.failedReason).toBe(
      'PayPal subscription I-BW452GLLEP1G is not linked to a customer yet (contract V-1001 from resource.custom alone does not lead to an e-mail address); retrying until the paypal-subscription worker has linked it',
    );
    expect(await world.mails()).toEqual([]);

    await world.links.link(SUBSCRIPTION, {
      contractNumber: 'V-1001',
      customerNumber: 'K1234',
    });
    expect((await world.settled(id)).state).toBe('completed');
    expect((await world.mails()).map((m) => m.envelope.to)).toEqual([['mail@example.net']]);
  });
});

describe('a PayPal BILLING.SUBSCRIPTION.PAYMENT.FAILED', () => {
  test('sends one zahlung_fehlgeschlagen mail with the failed amount to the customer of the subscription', async ({
    world,
  }) => {
    await world.links.link(SUBSCRIPTION, { contractNumber: 'V-1001', customerNumber: 'K1234' });
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const { eventKey } = await world.deliver(
      'paypal',
      'paypal/BILLING.SUBSCRIPTION.PAYMENT.FAILED.json',
    );

    const { state, returnvalue } = await world.settled(eventKey);
    expect(state).toBe('completed');
    expect(returnvalue).toMatchObject({ template: 'zahlung_fehlgeschlagen' });
    const mails = await world.mails();
    expect(mails.map((m) => m.envelope.to)).toEqual([['mail@example.net']]);
    expect(mails[0]!.subject).toBe('Ihre Zahlung konnte nicht ausgeführt werden');
    expect(mails[0]!.text).toContain('Guten Tag Holger Tester,');
    expect(mails[0]!.text).toContain('Ihre Zahlung über 100,00 € per PayPal');
  });

  test('fetches the customer of the subscription from Fakturia when the directory lacks them', async ({
    world,
    worker,
  }) => {
    await world.links.link(SUBSCRIPTION, { contractNumber: 'V-1001', customerNumber: 'K1234' });
    await world.control('POST', '/fakturia/customers', {
      customers: [{ customerNumber: 'K1234', ...HOLGER.record }],
    });
    const { eventKey } = await world.deliver(
      'paypal',
      'paypal/BILLING.SUBSCRIPTION.PAYMENT.FAILED.json',
    );

    expect((await world.settled(eventKey)).state).toBe('completed');
    expect(await upstreamRequests(world, 'fakturia')).toEqual([
      'GET /fakturia/api/v1/Customers/K1234',
    ]);
    expect((await world.mails()).map((m) => m.envelope.to)).toEqual([['mail@example.net']]);
    expect(await world.directory.get(HOLGER.ref)).toMatchObject(HOLGER.record);
    expect(worker.rawLogs()).toContain('customer fetched from Fakturia');
  });
});

describe('a plenigo FAILED_PAYMENT/PAYMENT_FAILED', () => {
  test('sends one zahlung_fehlgeschlagen mail to the customerEmail of the callback', async ({
    world,
  }) => {
    const accepted = await world.deliver('plenigo', 'plenigo/failed-payment.json');

    expect((await world.settled(accepted.eventKey)).state).toBe('completed');
    const mails = await world.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelope.to).toEqual(['plenigo+callback@plenigo.com']);
    expect(mails[0]!.subject).toBe('Ihre Zahlung zur Rechnung 223 konnte nicht ausgeführt werden');
    expect(mails[0]!.text).toContain('Ihre Zahlung über 0,50 € per Kreditkarte');
  });

  test('finds the address in the directory when the callback carries none', async ({ world }) => {
    await world.directory.upsert(
      { source: 'plenigo', id: '29' },
      { email: 'erika@example.org', firstName: 'Erika', lastName: 'Muster' },
    );
    const body = JSON.parse(readFixture('plenigo/failed-payment.json')) as {
      entity: Record<string, unknown>;
    };
    delete body.entity.customerEmail;
    const { eventKey } = await world.deliver('plenigo', body);

    expect((await world.settled(eventKey)).state).toBe('completed');
    const mails = await world.mails();
    expect(mails.map((m) => m.envelope.to)).toEqual([['erika@example.org']]);
    expect(mails[0]!.text).toContain('Guten Tag Erika Muster,');
  });
});
