import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '@campus/testing';
import { HOLGER, startWorld, type World } from './harness.js';
import { waitFor } from './poll.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.reset();
});
afterAll(async () => {
  await world.close();
});

const SUBSCRIPTION = 'I-BW452GLLEP1G';

describe('a PayPal PAYMENT.SALE.DENIED', () => {
  it('sends one zahlung_fehlgeschlagen mail to the customer of the linked subscription', async () => {
    // Written by paypal-subscription and order-to-customer respectively.
    await world.subscriptions.link(SUBSCRIPTION, {
      contractNumber: 'V-1001',
      customerNumber: 'K1234',
    });
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await world.startWorker();
    const accepted = await world.deliver('paypal', 'paypal/PAYMENT.SALE.DENIED.json');

    const { state, job } = await world.settled(accepted.eventKey);
    expect(state).toBe('completed');
    expect(job.returnvalue).toMatchObject({ template: 'zahlung_fehlgeschlagen' });
    const mails = await world.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelope.to).toEqual(['mail@example.net']);
    expect(mails[0]!.subject).toBe('Ihre Zahlung konnte nicht ausgeführt werden');
    expect(mails[0]!.text).toContain('Guten Tag Holger Tester,');
    expect(mails[0]!.text).toContain('Ihre Zahlung über 100,00 € per PayPal');
  });

  it('retries while the subscription is not linked yet, then sends', async () => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await world.startWorker();
    const id = await world.queueRaw('paypal', readFixture('paypal/PAYMENT.SALE.DENIED.json'), {
      attempts: 50,
      delayMs: 200,
    });

    const waiting = await waitFor('a failed attempt', async () => {
      const job = await world.queue.getJob(id);
      return job !== undefined && job.attemptsMade >= 1 ? job : undefined;
    });
    expect(waiting.failedReason).toBe(
      'PayPal subscription I-BW452GLLEP1G is not linked to a customer yet (contract V-1001 from resource.custom alone does not lead to an e-mail address); retrying until the paypal-subscription worker has linked it',
    );
    expect(await world.mails()).toEqual([]);

    await world.subscriptions.link(SUBSCRIPTION, {
      contractNumber: 'V-1001',
      customerNumber: 'K1234',
    });
    expect((await world.settled(id)).state).toBe('completed');
    expect((await world.mails()).map((m) => m.envelope.to)).toEqual([['mail@example.net']]);
  });
});

describe('a plenigo FAILED_PAYMENT/PAYMENT_FAILED', () => {
  it('sends one zahlung_fehlgeschlagen mail to the customerEmail of the callback', async () => {
    await world.startWorker();
    const accepted = await world.deliver('plenigo', 'plenigo/failed-payment.json');

    expect((await world.settled(accepted.eventKey)).state).toBe('completed');
    const mails = await world.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelope.to).toEqual(['plenigo+callback@plenigo.com']);
    expect(mails[0]!.subject).toBe('Ihre Zahlung zur Rechnung 223 konnte nicht ausgeführt werden');
    expect(mails[0]!.text).toContain('Ihre Zahlung über 0,50 € per Kreditkarte');
  });

  it('finds the address in the directory when the callback carries none', async () => {
    await world.directory.upsert(
      { source: 'plenigo', id: '29' },
      { email: 'erika@example.org', firstName: 'Erika', lastName: 'Muster' },
    );
    await world.startWorker();
    const body = JSON.parse(readFixture('plenigo/failed-payment.json')) as {
      entity: Record<string, unknown>;
    };
    delete body.entity.customerEmail;
    const id = await world.queueRaw('plenigo', JSON.stringify(body));

    expect((await world.settled(id)).state).toBe('completed');
    const mails = await world.mails();
    expect(mails.map((m) => m.envelope.to)).toEqual([['erika@example.org']]);
    expect(mails[0]!.text).toContain('Guten Tag Erika Muster,');
  });
});
