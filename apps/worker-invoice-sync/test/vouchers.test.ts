import { describe, expect } from 'vitest';
import { readFixture } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import {
  fakturiaRequests,
  lexofficeFiles,
  lexofficeRequests,
  seedFakturiaDocuments,
  test,
  vouchers,
  worldTest,
} from './world.js';

// Lexoffice's "Einnahmen", LEXOFFICE_REVENUE_CATEGORY_ID's default.
const EINNAHMEN = '8f8664a1-fd86-11e1-a21f-0800200c9a66';
const DIENSTLEISTUNG = '8f8664a0-fd86-11e1-a21f-0800200c9a66';

test.beforeEach(async ({ world }) => {
  // What order-to-customer writes from fakturia/CUSTOMER_CREATED.json.
  await world.directory.upsert(
    { source: 'fakturia', id: 'K1234' },
    { salutation: 'MR', firstName: 'Holger', lastName: 'Tester', email: 'mail@example.net' },
  );
  await seedFakturiaDocuments(world, 'RE-2024-000042');
});

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

/** The job completed and booked exactly one voucher, which it names. */
async function bookedVoucher(world: WorkerWorld, jobId: string) {
  const job = await world.settled(jobId);
  expect(job).toMatchObject({ state: 'completed' });
  const stored = await vouchers(world);
  expect(stored).toHaveLength(1);
  expect(job.returnvalue).toMatchObject({ voucherId: stored[0]!.id });
  return { voucher: stored[0]!, result: job.returnvalue as Record<string, unknown> };
}

describe('bookkeeping vouchers at Lexoffice', () => {
  test("books a Fakturia invoice as a salesinvoice under Fakturia's number, with Fakturia's PDF attached", async ({
    world,
  }) => {
    const { eventKey } = await world.deliver('fakturia', 'fakturia/INVOICE_CREATED.json');

    const { voucher, result } = await bookedVoucher(world, eventKey);
    expect(voucher).toMatchObject({
      voucherType: 'salesinvoice',
      voucherNumber: 'RE-2024-000042',
      voucherStatus: 'open',
    });
    expect(voucher.request).toEqual({
      type: 'salesinvoice',
      voucherNumber: 'RE-2024-000042',
      voucherDate: '2024-05-01',
      shippingDate: '2024-05-01',
      dueDate: '2024-05-15',
      totalGrossAmount: 100,
      totalTaxAmount: 15.97,
      taxType: 'net',
      useCollectiveContact: true,
      remark: 'Referenz: Fakturia-Rechnung RE-2024-000042; Kunde K1234: Holger Tester',
      voucherItems: [
        { amount: 84.03, taxAmount: 15.97, taxRatePercent: 19, categoryId: EINNAHMEN },
      ],
    });
    const [fakturiaPdf] = await world.control<{ sha256: string }[]>('GET', '/fakturia/invoices');
    const files = await lexofficeFiles(world);
    expect(files).toEqual([
      expect.objectContaining({
        voucherId: voucher.id,
        fileName: 'RE-2024-000042.pdf',
        contentType: 'application/pdf',
        sha256: fakturiaPdf!.sha256,
      }),
    ]);
    expect(voucher.files).toEqual([files[0]!.id]);
    expect(result).toEqual({
      voucherId: voucher.id,
      voucherType: 'salesinvoice',
      voucherNumber: 'RE-2024-000042',
      reference: 'Fakturia-Rechnung RE-2024-000042',
      fileId: files[0]!.id,
    });
    expect((await lexofficeRequests(world)).map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 201',
      'POST 202',
    ]);
  });

  test('books a Fakturia invoice correction as a salescreditnote with positive amounts', async ({
    world,
  }) => {
    const { eventKey } = await world.deliver('fakturia', 'fakturia/INVOICECORRECTION_CREATED.json');

    const { voucher } = await bookedVoucher(world, eventKey);
    expect(voucher.voucherNumber).toBe('GS-2024-000007');
    expect(voucher.request).toEqual({
      type: 'salescreditnote',
      voucherNumber: 'GS-2024-000007',
      voucherDate: '2024-05-20',
      totalGrossAmount: 100,
      totalTaxAmount: 15.97,
      taxType: 'net',
      useCollectiveContact: true,
      remark: 'Referenz: Fakturia-Rechnungskorrektur GS-2024-000007; Kunde K1234: Holger Tester',
      voucherItems: [
        { amount: 84.03, taxAmount: 15.97, taxRatePercent: 19, categoryId: EINNAHMEN },
      ],
    });
    expect(voucher.files).toEqual([]);
  });

  test('adds the positions of each tax rate into one voucher item, highest rate first', async ({
    world,
  }) => {
    const fixture = JSON.parse(readFixture('fakturia/INVOICE_CREATED.json')) as {
      payload: { invoice: { items: unknown[] } };
    };
    const item = (description: string, unitPrice: number, taxRate: number, quantity = 1) => ({
      description,
      quantity,
      unitPrice,
      taxRate,
    });
    fixture.payload.invoice.items = [
      item('Online-Kurs', 84.03, 19),
      item('E-Book', 18.69, 7),
      item('Arbeitsheft', 7.99, 19, 2),
    ];
    const { eventKey } = await world.deliver('fakturia', JSON.stringify(fixture));

    const { voucher } = await bookedVoucher(world, eventKey);
    expect(voucher.request).toMatchObject({
      totalGrossAmount: 139.01,
      totalTaxAmount: 20.31,
      voucherItems: [
        { amount: 100.01, taxAmount: 19, taxRatePercent: 19, categoryId: EINNAHMEN },
        { amount: 18.69, taxAmount: 1.31, taxRatePercent: 7, categoryId: EINNAHMEN },
      ],
    });
  });

  test("books a plenigo invoice under plenigo's invoice id with its gross prices, dated in German time", async ({
    world,
  }) => {
    const { eventKey } = await world.deliver('plenigo', plenigoBody('INVOICE'));

    const { voucher } = await bookedVoucher(world, eventKey);
    expect(voucher.request).toEqual({
      type: 'salesinvoice',
      voucherNumber: '223',
      // 02:08 on 28 August in Germany.
      voucherDate: '2024-08-28',
      shippingDate: '2024-08-28',
      totalGrossAmount: 0.5,
      totalTaxAmount: 0.03,
      taxType: 'gross',
      useCollectiveContact: true,
      remark: 'Referenz: plenigo-Rechnung 223; Kunde 23: Test User',
      voucherItems: [{ amount: 0.5, taxAmount: 0.03, taxRatePercent: 7, categoryId: EINNAHMEN }],
    });
    expect(await fakturiaRequests(world)).toEqual([]);
  });

  test.for([
    ['INVOICE_CORRECTION', 'plenigo-Rechnungskorrektur 223'],
    ['INVOICE_CANCELLATION', 'plenigo-Stornorechnung 223'],
  ] as const)(
    'books a plenigo %s as a salescreditnote under its invoice id',
    async ([entityType, reference], { world }) => {
      const { eventKey } = await world.deliver('plenigo', plenigoBody(entityType, -1));

      const { voucher } = await bookedVoucher(world, eventKey);
      expect(voucher.request).toMatchObject({
        type: 'salescreditnote',
        voucherNumber: '223',
        voucherDate: '2024-08-28',
        totalGrossAmount: 0.5,
        voucherItems: [{ amount: 0.5, taxAmount: 0.03, taxRatePercent: 7 }],
        remark: `Referenz: ${reference}; Kunde 23: Test User`,
      });
    },
  );

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

  test('books nothing for an invoice Fakturia has no document for, and says what to check', async ({
    world,
  }) => {
    const body = readFixture('fakturia/INVOICE_CREATED.json').replace(
      'RE-2024-000042',
      'RE-2024-000099',
    );
    const { eventKey } = await world.deliver('fakturia', body);

    const job = await world.settled(eventKey);
    expect(job).toMatchObject({ state: 'failed', attemptsMade: 3 });
    expect(job.failedReason).toMatch(
      /^Fakturia has no document for invoice RE-2024-000099 \(GET \/api\/v1\/Invoices\/RE-2024-000099\/Document answered 404\), so it is not booked yet/,
    );
    const asked = (await fakturiaRequests(world)).map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(asked).toEqual(
      Array(3).fill('GET /fakturia/api/v1/Invoices/RE-2024-000099/Document 404'),
    );
    expect(await lexofficeRequests(world)).toEqual([]);
  });
});

describe('the customer of a Fakturia invoice', () => {
  const customerCreated = () =>
    (JSON.parse(readFixture('fakturia/CUSTOMER_CREATED.json')) as { payload: { customer: object } })
      .payload.customer;

  test('is fetched from Fakturia when no webhook announced it, and kept in the directory', async ({
    world,
  }) => {
    await world.connection.del(`${world.prefix}:customer:fakturia:K1234`);
    await world.control('POST', '/fakturia/customers', { customers: [customerCreated()] });

    const { eventKey } = await world.deliver('fakturia', 'fakturia/INVOICE_CREATED.json');

    const { voucher } = await bookedVoucher(world, eventKey);
    expect(voucher.request.remark).toBe(
      'Referenz: Fakturia-Rechnung RE-2024-000042; Kunde K1234: Holger Tester',
    );
    const customerCalls = (await fakturiaRequests(world)).filter((r) =>
      r.path.includes('/Customers/'),
    );
    expect(customerCalls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /fakturia/api/v1/Customers/K1234 200',
    ]);
    expect(await world.directory.get({ source: 'fakturia', id: 'K1234' })).toMatchObject({
      firstName: 'Holger',
      lastName: 'Tester',
      email: 'mail@example.net',
    });
  });

  test('fails the invoice at once when Fakturia does not know the customer either', async ({
    world,
  }) => {
    await world.connection.del(`${world.prefix}:customer:fakturia:K1234`);

    const { eventKey } = await world.deliver('fakturia', 'fakturia/INVOICE_CREATED.json');

    const job = await world.settled(eventKey);
    expect(job).toMatchObject({ state: 'failed', attemptsMade: 1 });
    expect(job.failedReason).toMatch(
      /^CustomerUnknownAtFakturiaError: Customer K1234 is not in the customer directory and Fakturia does not know it either .*, so the recipient of Fakturia-Rechnung RE-2024-000042 cannot be done/,
    );
    expect(await lexofficeRequests(world)).toEqual([]);
  });
});

describe('the revenue category', () => {
  worldTest(
    'is LEXOFFICE_REVENUE_CATEGORY_ID on every voucher item',
    async ({ world, startWorker }) => {
      await startWorker({ env: { LEXOFFICE_REVENUE_CATEGORY_ID: DIENSTLEISTUNG } });
      const { eventKey } = await world.deliver('plenigo', plenigoBody('INVOICE'));

      const { voucher } = await bookedVoucher(world, eventKey);
      expect(voucher.request.voucherItems).toEqual([
        expect.objectContaining({ categoryId: DIENSTLEISTUNG }),
      ]);
    },
  );
});
