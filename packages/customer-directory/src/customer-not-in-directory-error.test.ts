import { describe, expect, it } from 'vitest';
import { CustomerNotInDirectoryError } from './index.js';

describe('CustomerNotInDirectoryError', () => {
  it('names the customer, what the record is for, and the event that brings it', () => {
    const error = new CustomerNotInDirectoryError(
      { source: 'fakturia', id: 'K1234' },
      'the recipient name of invoice RE-2024-000042',
    );
    expect(error.name).toBe('CustomerNotInDirectoryError');
    expect(error.customer).toEqual({ source: 'fakturia', id: 'K1234' });
    expect(error.message).toBe(
      'Customer K1234 is not in the customer directory yet (needed for the recipient name of invoice RE-2024-000042); ' +
        'retrying until order-to-customer has processed its Fakturia CUSTOMER_CREATED event. ' +
        'If that never arrives, look for it in the quarantine or ask the sender to deliver it again',
    );
  });

  it('names a plenigo customer by source and id', () => {
    const error = new CustomerNotInDirectoryError({ source: 'plenigo', id: '42' });
    expect(error.message).toMatch(
      /^plenigo customer 42 is not in the customer directory yet; retrying until order-to-customer has processed its plenigo CUSTOMER\/CREATION callback\./,
    );
  });

  it("keeps a website customer's e-mail address out of the message", () => {
    const error = new CustomerNotInDirectoryError({ source: 'campus', id: 'kunde@example.net' });
    expect(error.message).not.toContain('kunde@example.net');
    expect(error.message).toMatch(/^The website customer is not in the customer directory yet/);
  });
});
