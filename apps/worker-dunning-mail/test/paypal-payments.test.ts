import { describe, expect } from 'vitest';
import { createPaypalPayments, type PaypalSale } from '@campus/customer-directory';
import { readFixture, waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { dunningBody, HOLGER, test } from './world.js';

/**
 * The DUNNING_CREATED fixture bills invoice RE-2024-000042 of contract V-1001
 * (dated 2024-05-01, 100,00 € open); the PayPal fixtures pay and return sale
 * 80021663DE681814L. invoice-sync writes the payments ledger; here the test
 * writes it as invoice-sync would.
 */
const SALE: PaypalSale = {
  saleId: '80021663DE681814L',
  contractNumber: 'V-1001',
  amount: 100,
  currency: 'EUR',
  paidAt: '2024-06-03T09:14:58Z',
};
const REFUND = JSON.parse(readFixture('paypal/PAYMENT.SALE.REFUNDED.json')) as {
  id: string;
  resource: { amount: { total: string } };
};

const payments = (world: WorkerWorld) => createPaypalPayments(world.connection, world.prefix);

/** What invoice-sync records for the refund fixture (optionally for another amount). */
async function recordRefund(world: WorkerWorld, amount = 100): Promise<void> {
  await payments(world).recordReturn(SALE.saleId, {
    eventId: REFUND.id,
    kind: 'refund',
    amount,
    at: '2024-06-20T15:41:51Z',
  });
}

async function dunned(world: WorkerWorld, body: string) {
  const { eventKey } = await world.deliver('fakturia', body);
  const settled = await world.settled(eventKey);
  expect(settled.state).toBe('completed');
  return settled.returnvalue;
}

type Invoice = Record<string, unknown>;

const invoice = (number: string, change: (invoice: Invoice) => void = () => {}) =>
  dunningBody((p) => {
    const copy = { ...(p.invoice as Invoice), invoiceNumber: number };
    change(copy);
    p.invoice = copy;
  });

describe('a Mahnung and PayPal payments of its contract', () => {
  test('holds back the Mahnung of an invoice whose contract PayPal paid', async ({ world }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await payments(world).recordSale(SALE);

    expect(await dunned(world, readFixture('fakturia/DUNNING_CREATED.json'))).toEqual({
      skipped: 'paid_via_paypal',
      saleId: SALE.saleId,
    });
    expect(await world.mails()).toHaveLength(0);
  });

  test('sends the held Mahnung once the payment is refunded, after invoice-sync recorded it, and only once', async ({
    world,
  }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await payments(world).recordSale(SALE);
    await dunned(world, readFixture('fakturia/DUNNING_CREATED.json'));

    const refund = await world.deliver('paypal', 'paypal/PAYMENT.SALE.REFUNDED.json', {
      retries: { attempts: 20, backoffMs: 100 },
    });
    expect(refund).toMatchObject({ status: 'accepted', queues: ['invoice-sync', 'dunning-mail'] });
    const waiting = await waitFor('the refund job to wait for invoice-sync', async () => {
      const job = await world.queue.getJob(refund.eventKey);
      return job && job.attemptsMade >= 1 ? job : undefined;
    });
    expect(waiting.failedReason).toContain('is not in the PayPal payments ledger yet');
    expect(await world.mails()).toHaveLength(0);
    await recordRefund(world);

    const settled = await world.settled(refund.eventKey);
    expect(settled).toMatchObject({
      state: 'completed',
      returnvalue: { released: true, invoiceNumber: 'RE-2024-000042', template: 'mahnung_1' },
    });
    const mails = await world.mails('mail@example.net');
    expect(mails.map((m) => m.subject)).toEqual(['Zahlungserinnerung zur Rechnung RE-2024-000042']);

    // The same refund delivered again, and a reversal of the same sale: nothing more.
    await (await world.queue.getJob(refund.eventKey))!.retry('completed');
    expect((await world.settled(refund.eventKey)).state).toBe('completed');
    const reversal = await world.deliver('paypal', 'paypal/PAYMENT.SALE.REVERSED.json');
    await payments(world).recordReturn(SALE.saleId, {
      eventId: JSON.parse(readFixture('paypal/PAYMENT.SALE.REVERSED.json')).id,
      kind: 'reversal',
      amount: 100,
      at: '2024-06-25T00:19:12Z',
    });
    expect(await world.settled(reversal.eventKey)).toMatchObject({
      returnvalue: { released: false, reason: 'nothing_held' },
    });
    expect(await world.mails()).toHaveLength(1);
  });

  test('sends the Mahnung at once when the payment was refunded before the dunning', async ({
    world,
  }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await payments(world).recordSale(SALE);
    await recordRefund(world);

    expect(await dunned(world, readFixture('fakturia/DUNNING_CREATED.json'))).toMatchObject({
      template: 'mahnung_1',
    });
    expect(await world.mails('mail@example.net')).toHaveLength(1);
  });

  test('keeps the letter held when a partial refund leaves the open amount paid', async ({
    world,
  }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await payments(world).recordSale({ ...SALE, amount: 150 });
    await dunned(world, readFixture('fakturia/DUNNING_CREATED.json'));
    await recordRefund(world, 30);
    const partial = structuredClone(REFUND);
    partial.resource.amount.total = '-30.00';
    const { eventKey } = await world.deliver('paypal', JSON.stringify(partial));

    expect(await world.settled(eventKey)).toMatchObject({
      returnvalue: { released: false, reason: 'still_covered' },
    });
    expect(await world.mails()).toHaveLength(0);
  });

  test('counts one payment for one invoice only: a second invoice of the contract is dunned', async ({
    world,
  }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await payments(world).recordSale(SALE);

    expect(await dunned(world, invoice('RE-2024-000042'))).toMatchObject({
      skipped: 'paid_via_paypal',
    });
    expect(await dunned(world, invoice('RE-2024-000043'))).toMatchObject({
      template: 'mahnung_1',
    });
    // A later level of the first invoice is held by the same payment.
    const level2 = dunningBody((p) => {
      p.dunningLevel = 2;
    });
    expect(await dunned(world, level2)).toMatchObject({ skipped: 'paid_via_paypal' });
    const mails = await world.mails('mail@example.net');
    expect(mails.map((m) => m.subject)).toEqual(['Zahlungserinnerung zur Rechnung RE-2024-000043']);
  });

  test.for([
    ['another contract', (i: Invoice): void => void (i.contractNumber = 'V-2002')],
    ['no contract', (i: Invoice): void => void delete i.contractNumber],
    ['an open amount above the payment', (i: Invoice): void => void (i.amountOpen = 120)],
    ['another currency', (i: Invoice): void => void (i.currency = 'CHF')],
    // Paid 2024-06-03: more than DUNNING_PAYPAL_LEAD_DAYS (7 here) before an invoice of 2024-06-11.
    [
      'a date more than 7 days after the payment',
      (i: Invoice): void => void (i.invoiceDate = '2024-06-11'),
    ],
  ] as const)('sends the Mahnung of an invoice with %s', async ([, change], { world }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await payments(world).recordSale(SALE);

    expect(await dunned(world, invoice('RE-2024-000042', change))).toMatchObject({
      template: 'mahnung_1',
    });
    expect(await world.mails('mail@example.net')).toHaveLength(1);
  });

  test('holds back the Mahnung of an invoice dated up to 7 days after the payment', async ({
    world,
  }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await payments(world).recordSale(SALE);

    const body = invoice('RE-2024-000042', (i) => void (i.invoiceDate = '2024-06-10'));
    expect(await dunned(world, body)).toMatchObject({ skipped: 'paid_via_paypal' });
  });
});
