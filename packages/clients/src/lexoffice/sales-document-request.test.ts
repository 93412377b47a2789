import { describe, expect, it } from 'vitest';
import type { LexofficeVoucher } from './lexoffice-contract.js';
import { ebookSale } from '../../test/lexoffice-samples.js';
import { salesDocumentRequest } from './sales-document-request.js';

const sale = ebookSale();

describe('an invoice request from our contract', () => {
  it("carries date-times with that day's Berlin offset and leaves Lexoffice's totals to Lexoffice", () => {
    expect(salesDocumentRequest(sale)).toEqual({
      // 27 October 2024: summer time until 03:00, so midnight is +02:00.
      voucherDate: '2024-10-27T00:00:00.000+02:00',
      address: sale.address,
      lineItems: sale.lineItems,
      totalPrice: { currency: 'EUR' },
      taxConditions: { taxType: 'net' },
      shippingConditions: {
        shippingType: 'service',
        shippingDate: '2024-10-27T00:00:00.000+02:00',
      },
      title: 'Rechnung',
      introduction: 'Ihre Bestellung: E-Book Agiles Arbeiten',
      remark: 'Referenz: Website-Bestellung campus.msg_2Lo4cZ4y',
    });
  });

  it('sends no field that is not a documented, writable one, whatever the object carries', () => {
    const carrying = {
      ...sale,
      voucherNumber: 'RE1001',
      taxAmounts: [],
      address: { ...sale.address, contactPerson: 'Frau Mustermann' },
      lineItems: [{ ...sale.lineItems[0]!, id: 'x', lineItemAmount: 18.69 }],
    } as unknown as LexofficeVoucher;
    const request = salesDocumentRequest(carrying);
    expect(request).not.toHaveProperty('voucherType');
    expect(request).not.toHaveProperty('voucherNumber');
    expect(request).not.toHaveProperty('taxAmounts');
    expect(request.address).not.toHaveProperty('contactPerson');
    expect(request.lineItems[0]).not.toHaveProperty('id');
    expect(request.lineItems[0]).not.toHaveProperty('lineItemAmount');
  });

  it('leaves out what the contract leaves out (a credit note has no shipping conditions)', () => {
    const { shippingConditions: _s, title: _t, introduction: _i, remark: _r, ...bare } = sale;
    expect(Object.keys(salesDocumentRequest({ ...bare, voucherType: 'creditnote' }))).toEqual([
      'voucherDate',
      'address',
      'lineItems',
      'totalPrice',
      'taxConditions',
    ]);
  });
});
