import { describe, expect, it } from 'vitest';
import { fakturiaCustomerNumber, fakturiaCustomerRecord } from './from-fakturia.js';

describe("a Fakturia customer's directory record", () => {
  it('takes the billing address before the postal one and leaves empty fields out', () => {
    expect(
      fakturiaCustomerRecord({
        customerNumber: ' K1 ',
        firstName: ' Anna ',
        lastName: 'Muster',
        companyName: '',
        email: null,
        postalAddress: { addressLine1: 'Postweg 2', zipCode: '99999', cityName: 'Post' },
        billingAddress: { addressLine1: 'Rechnungsweg 1', zipCode: null, cityName: 'Bill' },
        paymentMethod: 'BANKTRANSFER',
      }),
    ).toEqual({
      firstName: 'Anna',
      lastName: 'Muster',
      address: { street: 'Rechnungsweg 1', city: 'Bill' },
      paymentMethod: 'BANKTRANSFER',
    });
  });

  it('falls back to the postal address, and to nothing when both are empty', () => {
    const postal = { addressLine1: 'Postweg 2', zipCode: '99999', cityName: 'Post', country: 'AT' };
    expect(fakturiaCustomerRecord({ billingAddress: null, postalAddress: postal }).address).toEqual(
      {
        street: 'Postweg 2',
        zip: '99999',
        city: 'Post',
        country: 'AT',
      },
    );
    expect(
      fakturiaCustomerRecord({ billingAddress: { addressLine1: ' ' }, postalAddress: null }),
    ).toEqual({});
  });

  it('reads the customer number trimmed, and undefined when there is none', () => {
    expect(fakturiaCustomerNumber({ customerNumber: ' K1234 ' })).toBe('K1234');
    expect(fakturiaCustomerNumber({ customerNumber: '' })).toBeUndefined();
    expect(fakturiaCustomerNumber({})).toBeUndefined();
  });
});
