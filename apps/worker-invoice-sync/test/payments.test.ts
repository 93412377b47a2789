import { describe, expect } from 'vitest';
import { createPaypalPayments } from '@campus/customer-directory';
import { readFixture, waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { lexofficeRequests, test } from './world.js';

const paypalPayments = (world: WorkerWorld) => createPaypalPayments(world.connection, world.prefix);

describe('payments', () => {
  test('records a Fakturia payment under its invoice number, so dunning stops', async ({
    world,
  }) => {
    const { eventKey } = await world.deliver('fakturia', 'fakturia/INVOICE_PAYMENT_RECEIVED.json');

    expect(await world.settled(eventKey)).toMatchObject({
      state: 'completed',
      returnvalue: { ledgerKey: 'RE-2024-000042' },
    });
    expect(await world.ledger.paymentOf('RE-2024-000042')).toEqual({
      paidAt: '2024-05-09',
      amount: 100,
      source: 'fakturia',
    });
    expect(await lexofficeRequests(world)).toEqual([]);
  });

  test('records a PayPal payment for the contract its subscription is linked to', async ({
    world,
  }) => {
    await world.links.link('I-BW452GLLEP1G', {
      contractNumber: 'V-2002',
      customerNumber: 'K1234',
    });
    const { eventKey } = await world.deliver('paypal', 'paypal/PAYMENT.SALE.COMPLETED.json');

    expect(await world.settled(eventKey)).toMatchObject({
      state: 'completed',
      returnvalue: { saleId: '80021663DE681814L', contractNumber: 'V-2002' },
    });
    expect(await paypalPayments(world).salesOf('V-2002')).toEqual([
      {
        saleId: '80021663DE681814L',
        contractNumber: 'V-2002',
        amount: 100,
        currency: 'EUR',
        paidAt: '2024-06-03T09:14:58Z',
        returns: [],
        net: 100,
      },
    ]);
  });

  test('records a PayPal payment of an unlinked subscription for the contract in custom', async ({
    world,
  }) => {
    const { eventKey } = await world.deliver('paypal', 'paypal/PAYMENT.SALE.COMPLETED.json');

    expect(await world.settled(eventKey)).toMatchObject({
      state: 'completed',
      returnvalue: { contractNumber: 'V-1001' },
    });
    expect(await paypalPayments(world).salesOf('V-1001')).toMatchObject([{ net: 100 }]);
  });

  test.for([
    ['refund', 'paypal/PAYMENT.SALE.REFUNDED.json'],
    ['reversal', 'paypal/PAYMENT.SALE.REVERSED.json'],
  ] as const)(
    'records a %s so that the payment no longer counts',
    async ([kind, fixture], { world }) => {
      const completed = await world.deliver('paypal', 'paypal/PAYMENT.SALE.COMPLETED.json');
      expect((await world.settled(completed.eventKey)).state).toBe('completed');
      const returned = await world.deliver('paypal', fixture);

      expect(await world.settled(returned.eventKey)).toMatchObject({
        state: 'completed',
        returnvalue: { saleId: '80021663DE681814L', returned: 100, net: 0 },
      });
      const [sale] = await paypalPayments(world).salesOf('V-1001');
      expect(sale).toMatchObject({ net: 0, returns: [{ kind, amount: 100 }] });
      expect(await lexofficeRequests(world)).toEqual([]);
    },
  );

  test('records a refund that arrives before its payment, so the payment never counts', async ({
    world,
  }) => {
    const refunded = await world.deliver('paypal', 'paypal/PAYMENT.SALE.REFUNDED.json');
    expect((await world.settled(refunded.eventKey)).state).toBe('completed');
    const completed = await world.deliver('paypal', 'paypal/PAYMENT.SALE.COMPLETED.json');
    expect((await world.settled(completed.eventKey)).state).toBe('completed');

    expect(await paypalPayments(world).salesOf('V-1001')).toMatchObject([
      { saleId: '80021663DE681814L', amount: 100, net: 0 },
    ]);
  });

  test('counts a partial refund as what is left of the payment', async ({ world }) => {
    await world.deliver('paypal', 'paypal/PAYMENT.SALE.COMPLETED.json');
    const partial = JSON.parse(readFixture('paypal/PAYMENT.SALE.REFUNDED.json'));
    partial.resource.amount.total = '-30.00';
    const { eventKey } = await world.deliver('paypal', JSON.stringify(partial));
    expect((await world.settled(eventKey)).state).toBe('completed');

    await waitFor('the sale recorded', async () =>
      (await paypalPayments(world).salesOf('V-1001')).length > 0 ? true : undefined,
    );
    expect(await paypalPayments(world).salesOf('V-1001')).toMatchObject([{ net: 70 }]);
  });
});
