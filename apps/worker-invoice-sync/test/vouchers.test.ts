import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCustomerDirectory } from '@campus/customer-directory';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { startHarness, type Harness } from './harness.js';

let redis: TestRedis;
let harness: Harness;

beforeAll(async () => {
  redis = await startTestRedis();
  harness = await startHarness(redis);
  await harness.startWorker();
});
afterAll(async () => {
  await harness?.close();
  await redis?.close();
});
beforeEach(async () => {
  await harness.control('POST', '/reset');
  // What order-to-customer writes from fakturia/CUSTOMER_CREATED.json.
  await createCustomerDirectory(harness.inspect, harness.prefix).upsert(
    { source: 'fakturia', id: 'K1234' },
    { salutation: 'MR', firstName: 'Holger', lastName: 'Tester', email: 'mail@example.net' },
  );
});
afterEach(async () => {
  await harness.inspect.del(`${harness.prefix}:customer:fakturia:K1234`);
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

async function syncedVoucher(jobId: string) {
  const job = await harness.settled(jobId);
  expect(job).toMatchObject({ state: 'completed' });
  const vouchers = await harness.vouchers();
  expect(vouchers).toHaveLength(1);
  expect(job.returnvalue).toMatchObject({ voucherId: vouchers[0]!.id });
  return vouchers[0]!;
}

describe('vouchers at Lexoffice', () => {
  it('books a Fakturia invoice as a finalized invoice with the customer from the directory', async () => {
    const id = await harness.queueEvent(
      'fakturia',
      'INVOICE_CREATED',
      readFixture('fakturia/INVOICE_CREATED.json'),
    );

    const voucher = await syncedVoucher(id);
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
    const [request] = await harness.requests();
    expect(request).toMatchObject({ path: '/lexoffice/v1/invoices', query: { finalize: 'true' } });
  });

  it('books a Fakturia invoice correction as a credit note with positive amounts', async () => {
    const id = await harness.queueEvent(
      'fakturia',
      'INVOICECORRECTION_CREATED',
      readFixture('fakturia/INVOICECORRECTION_CREATED.json'),
    );

    const voucher = await syncedVoucher(id);
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

  it('books a plenigo invoice with its gross prices, dated in German time', async () => {
    const id = await harness.queueEvent('plenigo', 'INVOICE/CREATION', plenigoBody('INVOICE'));

    const voucher = await syncedVoucher(id);
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

  it.each([
    ['INVOICE_CORRECTION', 'plenigo-Rechnungskorrektur 223'],
    ['INVOICE_CANCELLATION', 'plenigo-Stornorechnung 223'],
  ])('books a plenigo %s as a credit note', async (entityType, reference) => {
    const id = await harness.queueEvent(
      'plenigo',
      `${entityType}/CREATION`,
      plenigoBody(entityType, -1),
    );

    const voucher = await syncedVoucher(id);
    expect(voucher.voucherType).toBe('creditnote');
    expect(voucher.request).toMatchObject({
      voucherDate: '2024-08-28',
      lineItems: [{ unitPrice: { grossAmount: 0.5, taxRatePercentage: 7 } }],
      remark: `Referenz: ${reference}`,
    });
  });

  it('books a website e-book purchase as an invoice for the catalog product', async () => {
    const id = await harness.queueEvent(
      'campus',
      'form.ebook.kauf.submit',
      readFixture('campus/form.ebook.kauf.submit.json'),
      { receivedAt: '2024-06-30T22:30:00.000Z' },
    );

    const voucher = await syncedVoucher(id);
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

  it('fails a purchase of a product the catalog does not know, naming the slug', async () => {
    const body = readFixture('campus/form.ebook.kauf.submit.json').replace(
      'ebook-agiles-arbeiten',
      'ebook-gibt-es-nicht',
    );
    const id = await harness.queueEvent('campus', 'form.ebook.kauf.submit', body);

    const job = await harness.settled(id);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain(
      'product "ebook-gibt-es-nicht" is not in the product catalog',
    );
    expect(await harness.requests()).toEqual([]);
  });

  it('fails an invoice without a billing city before sending it, naming the schema path', async () => {
    const body = readFixture('fakturia/INVOICE_CREATED.json').replace(
      '"cityName": "Testhausen"',
      '"cityName": null',
    );
    const id = await harness.queueEvent('fakturia', 'INVOICE_CREATED', body);

    const job = await harness.settled(id);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe(
      'VoucherContractError: Lexoffice voucher for Fakturia-Rechnung RE-2024-000042 breaks ' +
        "lexoffice_voucher_create_out: /address/city must have required property 'city'",
    );
    expect(await harness.requests()).toEqual([]);
  });

  it('waits for the customer directory when the invoice arrives before its customer', async () => {
    await harness.inspect.del(`${harness.prefix}:customer:fakturia:K1234`);
    const id = await harness.queueEvent(
      'fakturia',
      'INVOICE_CREATED',
      readFixture('fakturia/INVOICE_CREATED.json'),
      { attempts: 50, backoffMs: 200 },
    );
    const deadline = Date.now() + 20_000;
    while (((await harness.queue.getJob(id))?.attemptsMade ?? 0) === 0) {
      if (Date.now() > deadline) throw new Error('the invoice was never tried');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await harness.requests()).toEqual([]);

    await createCustomerDirectory(harness.inspect, harness.prefix).upsert(
      { source: 'fakturia', id: 'K1234' },
      { firstName: 'Holger', lastName: 'Tester' },
    );
    const voucher = await syncedVoucher(id);
    expect(voucher.request).toMatchObject({ address: fakturiaAddress });
  });
});
