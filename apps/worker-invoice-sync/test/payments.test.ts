import { describe, expect } from 'vitest';
import { lexofficeRequests, test } from './world.js';

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

  test('records a PayPal payment under the contract its subscription is linked to', async ({
    world,
  }) => {
    await world.links.link('I-BW452GLLEP1G', {
      contractNumber: 'V-2002',
      customerNumber: 'K1234',
    });
    const { eventKey } = await world.deliver('paypal', 'paypal/PAYMENT.SALE.COMPLETED.json');

    expect(await world.settled(eventKey)).toMatchObject({ state: 'completed' });
    expect(await world.ledger.paymentOf('contract:V-2002')).toEqual({
      paidAt: '2024-06-03T09:14:58Z',
      amount: 100,
      source: 'paypal',
    });
  });

  test('records a PayPal payment of an unlinked subscription under the contract in custom', async ({
    world,
  }) => {
    const { eventKey } = await world.deliver('paypal', 'paypal/PAYMENT.SALE.COMPLETED.json');

    expect(await world.settled(eventKey)).toMatchObject({
      state: 'completed',
      returnvalue: { ledgerKey: 'contract:V-1001' },
    });
    expect(await world.ledger.paymentOf('contract:V-1001')).toMatchObject({ source: 'paypal' });
  });
});
