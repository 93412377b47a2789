import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { retryAdviceOf } from '@campus/errors';
import { LexofficeRequestError } from './lexoffice-contract.js';
import {
  EINNAHMEN,
  fakturiaInvoice,
  rejectionOf,
  useLexofficeStandIn,
} from '../../test/lexoffice-stand-in.js';

let pdf: Uint8Array;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.addPage();
  pdf = await doc.save();
});

interface StoredFile {
  id: string;
  voucherId: string;
  fileName: string;
  contentType: string;
  size: number;
}

describe('bookkeeping vouchers through the Lexoffice client', () => {
  const lexoffice = useLexofficeStandIn();
  const book = (voucherNumber: string, voucherDate = '2024-05-01') =>
    lexoffice
      .client()
      .createBookkeepingVoucher(
        { ...fakturiaInvoice(), voucherDate },
        { voucherNumber, categoryId: EINNAHMEN },
      );

  it("books Fakturia's invoice under its number, which the stand-in accepts as documented", async () => {
    const created = await book('RE-2024-000042');

    expect(created).toMatchObject({ id: expect.any(String), version: 1 });
    const [request] = await lexoffice.requests();
    expect(request).toMatchObject({ method: 'POST', path: '/lexoffice/v1/vouchers', status: 201 });
    expect(request?.body).toEqual({
      type: 'salesinvoice',
      voucherNumber: 'RE-2024-000042',
      voucherDate: '2024-05-01',
      shippingDate: '2024-05-01',
      totalGrossAmount: 100.0,
      totalTaxAmount: 15.97,
      taxType: 'net',
      useCollectiveContact: true,
      remark: 'Referenz: Fakturia-Rechnung RE-2024-000042',
      voucherItems: [
        { amount: 84.03, taxAmount: 15.97, taxRatePercent: 19, categoryId: EINNAHMEN },
      ],
    });
  });

  it('attaches the invoice PDF, which the voucher then lists', async () => {
    const client = lexoffice.client();
    const { id } = await book('RE-2024-000042');

    const file = await client.attachVoucherFile(id, { fileName: 'RE-2024-000042.pdf', data: pdf });

    expect((await client.getBookkeepingVoucher(id)).files).toEqual([file.id]);
    expect(await lexoffice.control<StoredFile[]>('GET', '/lexoffice/files')).toEqual([
      expect.objectContaining({
        id: file.id,
        voucherId: id,
        fileName: 'RE-2024-000042.pdf',
        contentType: 'application/pdf',
        size: pdf.byteLength,
      }),
    ]);
  });

  it('refuses a file over 5 MB without sending it', async () => {
    const { id } = await book('RE-2024-000042');
    const before = (await lexoffice.requests()).length;

    const error = await rejectionOf(
      lexoffice
        .client()
        .attachVoucherFile(id, { fileName: 'scan.pdf', data: new Uint8Array(5 * 1024 * 1024 + 1) }),
    );
    expect(error).toBeInstanceOf(LexofficeRequestError);
    expect(retryAdviceOf(error)).toEqual({ retry: 'never' });
    expect((error as Error).message).toBe(
      `scan.pdf has 5242881 bytes; Lexoffice takes voucher files of at most 5242880 bytes: attach a smaller one to voucher ${id} by hand`,
    );
    expect(await lexoffice.requests()).toHaveLength(before);
  });

  it('finds a voucher by exactly its number: not RE-1 for RE-10, not another day', async () => {
    const client = lexoffice.client();
    await book('RE-1');
    const wanted = await book('RE-10');
    await book('RE-10', '2024-05-02');

    const found = await client.findVoucherByNumber({
      voucherNumber: 'RE-10',
      voucherDate: '2024-05-01',
    });
    expect(found).toMatchObject({
      id: wanted.id,
      voucherType: 'salesinvoice',
      voucherNumber: 'RE-10',
    });
    expect(await client.findVoucherByNumber({ voucherNumber: 'RE-100' })).toBeUndefined();
    expect(
      await client.findVoucherByNumber({ voucherNumber: 'RE-10', type: 'salescreditnote' }),
    ).toBeUndefined();
    const search = (await lexoffice.requests()).at(-1);
    expect(search?.query).toEqual({
      voucherType: 'salescreditnote',
      voucherStatus: 'any',
      voucherNumber: 'RE-10',
      size: '250',
      page: '0',
    });
  });

  it('finds a number with & < > in it, sent HTML-encoded as the docs ask', async () => {
    const { id } = await book('A&B<1>');
    const found = await lexoffice.client().findVoucherByNumber({ voucherNumber: 'A&B<1>' });
    expect(found?.id).toBe(id);
    expect((await lexoffice.requests()).at(-1)?.query).toMatchObject({
      voucherNumber: 'A&amp;B&lt;1&gt;',
    });
  });
});
