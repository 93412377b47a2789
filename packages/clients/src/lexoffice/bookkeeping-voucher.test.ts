import { describe, expect, it } from 'vitest';
import { retryAdviceOf } from '@campus/errors';
import { bookkeepingVoucherOf } from './bookkeeping-voucher.js';
import {
  LexofficeRequestError,
  type LexofficeLineItem,
  type LexofficeVoucher,
} from './lexoffice-contract.js';

const EINNAHMEN = '8f8664a1-fd86-11e1-a21f-0800200c9a66';

const item = (
  name: string,
  quantity: number,
  price: number,
  rate: 0 | 7 | 19,
  gross = false,
): LexofficeLineItem => ({
  type: 'custom',
  name,
  quantity,
  unitName: 'Stück',
  unitPrice: {
    currency: 'EUR',
    [gross ? 'grossAmount' : 'netAmount']: price,
    taxRatePercentage: rate,
  },
});

const voucher = (
  lineItems: LexofficeLineItem[],
  taxType: 'net' | 'gross' = 'net',
): LexofficeVoucher => ({
  voucherType: 'invoice',
  voucherDate: '2024-05-01',
  address: { name: 'Holger Tester', city: 'Testhausen', zip: '12345', countryCode: 'DE' },
  lineItems,
  totalPrice: { currency: 'EUR', totalNetAmount: 0 },
  taxConditions: { taxType },
  shippingConditions: { shippingType: 'service', shippingDate: '2024-05-01' },
  remark: 'Fakturia-Rechnung RE-2024-000042',
});

describe('a bookkeeping voucher from our contract', () => {
  it("is Fakturia's net invoice under its own number: one item per tax rate, tax on the sum", () => {
    const booked = bookkeepingVoucherOf(
      voucher([
        item('Kurs', 1, 84.03, 19),
        item('Skript', 3, 9.99, 7),
        item('Kursbuch', 1, 12.5, 7),
      ]),
      { voucherNumber: 'RE-2024-000042', categoryId: EINNAHMEN },
    );
    expect(booked).toEqual({
      type: 'salesinvoice',
      voucherNumber: 'RE-2024-000042',
      voucherDate: '2024-05-01',
      shippingDate: '2024-05-01',
      // 84.03 + 15.97 tax; 29.97 + 12.50 = 42.47 + 2.97 tax
      totalGrossAmount: 145.44,
      totalTaxAmount: 18.94,
      taxType: 'net',
      useCollectiveContact: true,
      remark: 'Fakturia-Rechnung RE-2024-000042',
      voucherItems: [
        { amount: 84.03, taxAmount: 15.97, taxRatePercent: 19, categoryId: EINNAHMEN },
        { amount: 42.47, taxAmount: 2.97, taxRatePercent: 7, categoryId: EINNAHMEN },
      ],
    });
  });

  it("is plenigo's gross invoice with the tax contained in each rate's sum", () => {
    const booked = bookkeepingVoucherOf(
      voucher([item('Abo', 1, 0.5, 7, true), item('Abo', 2, 9.99, 19, true)], 'gross'),
      {
        voucherNumber: '223',
        categoryId: EINNAHMEN,
      },
    );
    expect(booked).toMatchObject({
      taxType: 'gross',
      totalGrossAmount: 20.48,
      totalTaxAmount: 3.22,
      voucherItems: [
        { amount: 19.98, taxAmount: 3.19, taxRatePercent: 19 },
        { amount: 0.5, taxAmount: 0.03, taxRatePercent: 7 },
      ],
    });
  });

  it('is a salescreditnote for a credit note, booked to a contact and due when the sender says', () => {
    const credit = {
      ...voucher([item('Gutschrift', 1, 84.03, 19)]),
      voucherType: 'creditnote' as const,
    };
    const { shippingConditions: _none, ...withoutShipping } = credit;
    const booked = bookkeepingVoucherOf(withoutShipping, {
      voucherNumber: 'GS-2024-000007',
      categoryId: EINNAHMEN,
      contactId: '777c7793-9fbb-4ec7-9254-0619c199761e',
      dueDate: '2024-06-03',
    });
    expect(booked).toMatchObject({
      type: 'salescreditnote',
      contactId: '777c7793-9fbb-4ec7-9254-0619c199761e',
      dueDate: '2024-06-03',
    });
    expect(booked).not.toHaveProperty('useCollectiveContact');
    expect(booked).not.toHaveProperty('shippingDate');
  });

  it('rounds half a cent up, whatever the binary fraction says', () => {
    const booked = bookkeepingVoucherOf(voucher([item('Rest', 1, 1.005, 19)]), {
      voucherNumber: 'X',
      categoryId: EINNAHMEN,
    });
    expect(booked.voucherItems).toEqual([
      { amount: 1.01, taxAmount: 0.19, taxRatePercent: 19, categoryId: EINNAHMEN },
    ]);
  });

  it('refuses what Lexoffice cannot book, before anything is sent and for good', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(LexofficeRequestError);
        expect(retryAdviceOf(error)).toEqual({ retry: 'never' });
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    const booking = { voucherNumber: 'RE-1', categoryId: EINNAHMEN };
    expect(
      refusal(() => bookkeepingVoucherOf(voucher([item('Storno', 1, -10, 19)]), booking)),
    ).toContain('lineItems[0].unitPrice.netAmount is negative');
    expect(
      refusal(() => bookkeepingVoucherOf(voucher([item('Abo', 1, 5, 7, true)]), booking)),
    ).toBe('lineItems[0].unitPrice.netAmount is missing: a net voucher needs it');
    expect(refusal(() => bookkeepingVoucherOf(voucher([]), booking))).toBe(
      'the voucher has no positions',
    );
    expect(
      refusal(() =>
        bookkeepingVoucherOf(voucher([item('Kurs', 1, 1, 19)]), { ...booking, voucherNumber: ' ' }),
      ),
    ).toBe('voucherNumber is empty');
    expect(
      refusal(() =>
        bookkeepingVoucherOf(
          { ...voucher([item('Kurs', 1, 1, 19)]), voucherDate: '01.05.2024' },
          booking,
        ),
      ),
    ).toContain('voucherDate: "01.05.2024" is not a calendar date');
  });
});
