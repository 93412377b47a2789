import { describe, expect, it } from 'vitest';
import { fakturiaInvoice, useLexofficeStandIn } from '../../test/lexoffice-stand-in.js';

interface Stored {
  id: string;
  voucherType: string;
  request: Record<string, unknown>;
}

describe('the Lexoffice client, as invoice-sync uses it until it books vouchers', () => {
  const lexoffice = useLexofficeStandIn();

  it('creates a finalized invoice in the documented form: date-times, no totals, no voucherType', async () => {
    const created = await lexoffice.client().createVoucher(fakturiaInvoice());

    expect(created).toMatchObject({ id: expect.any(String), version: 1 });
    const [request] = await lexoffice.requests();
    expect(request).toMatchObject({
      method: 'POST',
      path: '/lexoffice/v1/invoices',
      query: { finalize: 'true' },
      headers: { authorization: 'Bearer [redacted]', 'content-type': 'application/json' },
      status: 201,
    });
    expect(request?.body).toMatchObject({
      voucherDate: '2024-05-01T00:00:00.000+02:00',
      totalPrice: { currency: 'EUR' },
      shippingConditions: {
        shippingType: 'service',
        shippingDate: '2024-05-01T00:00:00.000+02:00',
      },
    });
    expect(request?.body).not.toHaveProperty('voucherType');
  });

  it('creates credit notes under /v1/credit-notes', async () => {
    const { shippingConditions: _none, ...rest } = fakturiaInvoice();
    const created = await lexoffice.client().createVoucher({ ...rest, voucherType: 'creditnote' });

    const stored = await lexoffice.control<Stored[]>('GET', '/lexoffice/vouchers');
    expect(stored).toEqual([
      expect.objectContaining({ id: created.id, voucherType: 'creditnote' }),
    ]);
  });

  it('finds a voucher it created by its remark, and reads it back', async () => {
    const client = lexoffice.client();
    const other = await client.createVoucher({ ...fakturiaInvoice(), remark: 'Referenz: anderes' });
    const created = await client.createVoucher(fakturiaInvoice());

    const found = await client.findVoucher({
      voucherType: 'invoice',
      remark: 'Referenz: Fakturia-Rechnung RE-2024-000042',
      contactName: 'Holger Tester',
      createdFrom: new Date(Date.now() - 60_000),
      createdTo: new Date(Date.now() + 60_000),
    });
    expect(found).toMatchObject({
      id: created.id,
      voucherType: 'invoice',
      contactName: 'Holger Tester',
    });
    expect(found?.id).not.toBe(other.id);
    expect(await client.getVoucher('invoice', created.id)).toMatchObject({
      remark: 'Referenz: Fakturia-Rechnung RE-2024-000042',
    });
  });
});
