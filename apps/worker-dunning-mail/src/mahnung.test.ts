import { describe, expect, it } from 'vitest';
import { mahnungLevel, readMahnung } from './mahnung.js';

describe('readMahnung', () => {
  it('reads amounts given as strings and an address under another field name', () => {
    expect(
      readMahnung({
        invoice: {
          invoiceNumber: 'RE-7',
          amountGross: '119.00' as unknown as number,
          dueDate: '2024-06-01',
          emailInvoice: 'rechnung@example.org',
        } as Record<string, unknown>,
        dunningLevel: 2,
      }),
    ).toEqual({
      invoiceNumber: 'RE-7',
      customerNumber: undefined,
      email: 'rechnung@example.org',
      amount: 119,
      dueDate: '2024-06-01',
      level: 2,
    });
  });

  it('prefers the open amount to the gross amount', () => {
    const mahnung = readMahnung({
      invoice: {
        invoiceNumber: 'RE-8',
        customerNumber: 'K1',
        amountGross: 100,
        amountOpen: 40,
        dueDate: '2024-06-01',
      },
      dunningLevel: 1,
    });
    expect(mahnung.amount).toBe(40);
  });

  it('names the customer number when the invoice offers no way to an address', () => {
    expect(() =>
      readMahnung({
        invoice: { invoiceNumber: 'RE-9', amountOpen: 10, dueDate: '2024-06-01' },
        dunningLevel: 1,
      }),
    ).toThrow(/for invoice RE-9 has no usable payload\.invoice\.customerNumber/);
  });
});

describe('mahnungLevel', () => {
  it('holds Fakturia dunning levels to the three letters', () => {
    expect([0, 1, 2, 2.7, 3, 5, -1].map(mahnungLevel)).toEqual([1, 1, 2, 2, 3, 3, 1]);
  });
});
