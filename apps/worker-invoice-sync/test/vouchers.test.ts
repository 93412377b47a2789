import { describe, expect } from 'vitest';
import { readFixture, waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { lexofficeRequests, test, vouchers } from './world.js';

test.beforeEach(async ({ world }) => {
  // What order-to-customer writes from fakturia/CUSTOMER_CREATED.json.
  await world.directory.upsert(
    { source: 'fakturia', id: 'K1234' },
    { salutation: 'MR', firstName: 'Holger', lastName: 'Tester', email: 'mail@example.net' },
  );
});

const fakturiaAddress = {
  name: 'Holger Tester',
  street: 'Teststraße 1',
  zip: '12345',
  city: 'Testhausen',
  countryCode: 'DE',
};

/** The plenigo invoice fixture as another invoice callback, with its prices signed. */
function plenigoBody(entityType: string, sign = 1): string {
  const body = JSON.parse(readFixture('plenigo/invoice-creation.json')) as {
    entityType: string;
    entity: { items: { price: number }[] };
  };
  body.entityType = entityType;
  for (const item of body.entity.items) item.price *= sign;
  return JSON.stringify(body);
}

async function syncedVoucher(world: WorkerWorld, jobId: string) {
  const job = await world.settled(jobId);
  expect(job).toMatchObject({ state: 'completed' });
  const stored = await vouchers(world);
  expect(stored).toHaveLength(1);
  expect(job.returnvalue).toMatchObject({ voucherId: stored[0]!.id });
  return stored[0]!;
}

describe('vouchers at Lexoffice', () => {
  test('books a Fakturia invoice as a finalized invoice with the customer from the directory', async ({
    world,
  }) => {
    const { eventKey } = await world.deliver('fakturia', 'fakturia/INVOICE_CREATED.json');

    const voucher = await syncedVoucher(world, eventKey);
    expect(voucher.voucherType).toBe('invoice');
    expect(voucher.request).toEqual({
      voucherDate: '2024-05-01',
      address: fakturiaAddress,
      lineItems: [
        {
          type: 'custom',
          name: 'Online-Kurs Projektmanagement, Mai 2024',
          quantity: 1,
          unitName: 'Stück',
          unitPrice: { currency: 'EUR', netAmount: 84.03, taxRatePercentage: 19 },
        },
      ],
      totalPrice: { currency: 'EUR', totalNetAmount: 84.03 },
      taxConditions: { taxType: 'net' },
      shippingConditions: { shippingType: 'service', shippingDate: '2024-05-01' },
      title: 'Rechnung',
      introduction: 'Rechnung RE-2024-000042',
      remark: 'Referenz: Fakturia-Rechnung RE-2024-000042',
    });
    const [request] = await lexofficeRequests(world);
    expect(request).toMatchObject({ path: '/lexoffice/v1/invoices', query: { finalize: 'true' } });
  });

  test('books a Fakturia invoice correction as a credit note with positive amounts', async ({
    world,
  }) => {
    const { eventKey } = await world.deliver('fakturia', 'fakturia/INVOICECORRECTION_CREATED.json');

    const voucher = await syncedVoucher(world, eventKey);
    expect(voucher.voucherType).toBe('creditnote');
    expect(voucher.request).toMatchObject({
      voucherDate: '2024-05-20',
      address: fakturiaAddress,
      lineItems: [
        {
          name: 'Gutschrift Online-Kurs Projektmanagement, Mai 2024',
          quantity: 1,
          unitPrice: { currency: 'EUR', netAmount: 84.03, taxRatePercentage: 19 },
        },
      ],
      totalPrice: { currency: 'EUR', totalNetAmount: 84.03 },
      taxConditions: { taxType: 'net' },
      introduction: 'Rechnungskorrektur GS-2024-000007 zur Rechnung RE-2024-000042',
    });
    expect(voucher.request).not.toHaveProperty('shippingConditions');
  });

  test('books a plenigo invoice with its gross prices, dated in German time', async ({ world }) => {
    const { eventKey } = await world.deliver('plenigo', plenigoBody('INVOICE'));

    const voucher = await syncedVoucher(world, eventKey);
    expect(voucher.voucherType).toBe('invoice');
    expect(voucher.request).toMatchObject({
      voucherDate: '2024-08-28',
      address: {
        name: 'Test User',
        street: 'Postfach 48576525',
        zip: '87435',
        city: 'Kempten',
        countryCode: 'DE',
      },
      lineItems: [
        {
          name: 'Angebot A kurzes Abo-Intervall Leistungszeitraum 28.08.2024 - 29.08.2024',
          quantity: 1,
          unitPrice: { currency: 'EUR', grossAmount: 0.5, taxRatePercentage: 7 },
        },
      ],
      totalPrice: { currency: 'EUR', totalNetAmount: 0.47 },
      taxConditions: { taxType: 'gross' },
      remark: 'Referenz: plenigo-Rechnung 223',
    });
  });

  test.for([
    ['INVOICE_CORRECTION', 'plenigo-Rechnungskorrektur 223'],
    ['INVOICE_CANCELLATION', 'plenigo-Stornorechnung 223'],
  ] as const)('books a plenigo %s as a credit note', async ([entityType, reference], { world }) => {
    const { eventKey } = await world.deliver('plenigo', plenigoBody(entityType, -1));

    const voucher = await syncedVoucher(world, eventKey);
    expect(voucher.voucherType).toBe('creditnote');
    expect(voucher.request).toMatchObject({
      voucherDate: '2024-08-28',
      lineItems: [{ unitPrice: { grossAmount: 0.5, taxRatePercentage: 7 } }],
      remark: `Referenz: ${reference}`,
    });
  });

  test('books a website e-book purchase as an invoice for the catalog product', async ({
    world,
  }) => {
    const { eventKey: id } = await world.deliver('campus', 'campus/form.ebook.kauf.submit.json', {
      receivedAt: '2024-06-30T22:30:00.000Z',
    });

    const voucher = await syncedVoucher(world, id);
    expect(voucher.voucherType).toBe('invoice');
    expect(voucher.request).toMatchObject({
      // 00:30 on 1 July in Germany.
      voucherDate: '2024-07-01',
      address: {
        name: 'Max Mustermann',
        street: 'Lindenallee 12',
        zip: '50667',
        city: 'Köln',
        countryCode: 'DE',
      },
      lineItems: [
        {
          name: 'E-Book Agiles Arbeiten',
          quantity: 1,
          unitPrice: { currency: 'EUR', netAmount: 18.69, taxRatePercentage: 7 },
        },
      ],
      totalPrice: { currency: 'EUR', totalNetAmount: 18.69 },
      shippingConditions: { shippingType: 'service', shippingDate: '2024-07-01' },
      remark: `Referenz: Website-Bestellung ${id}`,
    });
  });

  test('fails a purchase of a product the catalog does not know, naming the slug', async ({
    world,
  }) => {
    const body = readFixture('campus/form.ebook.kauf.submit.json').replace(
      'ebook-agiles-arbeiten',
      'ebook-gibt-es-nicht',
    );
    const { eventKey } = await world.deliver('campus', body);

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain(
      'product "ebook-gibt-es-nicht" is not in the product catalog',
    );
    expect(await lexofficeRequests(world)).toEqual([]);
  });

  test('fails an invoice without a billing city before sending it, naming the schema path', async ({
    world,
  }) => {
    const body = readFixture('fakturia/INVOICE_CREATED.json').replace(
      '"cityName": "Testhausen"',
      '"cityName": null',
    );
    const { eventKey } = await world.deliver('fakturia', body);

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe(
      'VoucherContractError: Lexoffice voucher for Fakturia-Rechnung RE-2024-000042 breaks ' +
        "lexoffice_voucher_create_out: /address/city must have required property 'city'",
    );
    expect(await lexofficeRequests(world)).toEqual([]);
  });

  test('waits for the customer directory when the invoice arrives before its customer', async ({
    world,
  }) => {
    await world.connection.del(`${world.prefix}:customer:fakturia:K1234`);
    const { eventKey: id } = await world.deliver('fakturia', 'fakturia/INVOICE_CREATED.json', {
      retries: { attempts: 50, backoffMs: 200 },
    });
    await waitFor(
      'the invoice to be tried',
      async () => ((await world.queue.getJob(id))?.attemptsMade ?? 0) > 0,
    );
    expect(await lexofficeRequests(world)).toEqual([]);

    await world.directory.upsert(
      { source: 'fakturia', id: 'K1234' },
      { firstName: 'Holger', lastName: 'Tester' },
    );
    const voucher = await syncedVoucher(world, id);
    expect(voucher.request).toMatchObject({ address: fakturiaAddress });
  });
});
