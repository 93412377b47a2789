import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../http/request-log.js';
import { LEXOFFICE_KEY, useLexofficeSandbox, voucherBody } from '../testing/lexoffice-fixture.js';
import type { StoredFile } from './lexoffice-state.js';

interface Issues {
  IssueList: { i18nKey: string; source: string | null; type: string }[];
}

let pdf: Buffer;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.addPage();
  pdf = Buffer.from(await doc.save());
});

describe('Lexoffice stand-in: bookkeeping vouchers', () => {
  const lexoffice = useLexofficeSandbox();
  const { api } = lexoffice;
  const refused = async (body: unknown) => {
    const answer = await api<Issues>('/v1/vouchers', { body });
    expect(answer.status).toBe(406);
    for (const issue of answer.body.IssueList) {
      expect(issue).toEqual({
        i18nKey: expect.any(String),
        source: expect.any(String),
        type: 'validation_failure',
        additionalData: null,
        args: null,
      });
    }
    return answer.body.IssueList.map((i) => `${i.source}: ${i.i18nKey}`);
  };
  const upload = (voucherId: string, parts: [string, Blob | string, string?][]) => {
    const form = new FormData();
    for (const [name, value, fileName] of parts) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, value, fileName);
    }
    return fetch(`${lexoffice.sandbox.url}/lexoffice/v1/vouchers/${voucherId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${LEXOFFICE_KEY}` },
      body: form,
    });
  };
  const book = async () => String((await api('/v1/vouchers', { body: voucherBody() })).body.id);

  it("books the docs' sample voucher and reads it back with date-times and its files", async () => {
    const created = await api('/v1/vouchers', { body: voucherBody() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      resourceUri: `${lexoffice.sandbox.url}/lexoffice/v1/vouchers/${String(created.body.id)}`,
      version: 1,
    });
    const read = await api(`/v1/vouchers/${String(created.body.id)}`);
    expect(read.body).toMatchObject({
      type: 'salesinvoice',
      voucherStatus: 'open',
      voucherNumber: 'RE-2025-000042',
      voucherDate: '2025-03-03T00:00:00.000+01:00',
      dueDate: '2025-03-03T00:00:00.000+01:00',
      files: [],
    });
  });

  it('refuses totals that do not add up and a tax that does not fit its amount', async () => {
    const body = voucherBody();
    expect(await refused({ ...body, totalGrossAmount: 227.0, totalTaxAmount: 25.0 })).toEqual([
      'totalTaxAmount: invalid_total_amount',
      'totalGrossAmount: invalid_total_amount',
    ]);
    const net = { ...body, taxType: 'net', totalGrossAmount: 252.0 };
    // With taxType net, 19 % of 119.00 is 22.61, not 19.00; 7 % of 107.00 is 7.49, not 7.00.
    expect(await refused(net)).toEqual([
      'voucherItems[0].taxAmount: invalid_taxamount',
      'voucherItems[1].taxAmount: invalid_taxamount',
    ]);
  });

  it('refuses a date-time where the docs want yyyy-MM-dd, and a missing number', async () => {
    const { voucherNumber: _none, ...body } = voucherBody();
    expect(await refused({ ...body, voucherDate: '2025-03-03T00:00:00.000+01:00' })).toEqual([
      'voucherNumber: missing_entity',
      'voucherDate: invalid_value',
    ]);
  });

  it('refuses read-only fields, purchase types, foreign categories and no contact', async () => {
    const body = voucherBody();
    const items = body.voucherItems.map((item) => ({
      ...item,
      categoryId: '16d04a28-fd91-11e1-a21f-0800200c9a66',
    }));
    expect(
      await refused({
        ...body,
        id: 'a8691b5d-2393-4317-888d-bcd5d564f7d1',
        files: [],
        type: 'purchaseinvoice',
        useCollectiveContact: false,
        voucherItems: items,
      }),
    ).toEqual([
      'id: invalid_value',
      'files: invalid_value',
      'type: invalid_value',
      'contactId: missing_entity',
      'voucherItems[0].categoryId: invalid_value',
      'voucherItems[1].categoryId: invalid_value',
    ]);
  });

  it('attaches a PDF (202 with its id), once per content, and logs its parts, not its bytes', async () => {
    const id = await book();
    const first = await upload(id, [
      ['file', new Blob([pdf], { type: 'application/pdf' }), 'RE-2025-000042.pdf'],
    ]);
    expect(first.status).toBe(202);
    const { id: fileId } = (await first.json()) as { id: string };
    const again = await upload(id, [
      ['file', new Blob([pdf], { type: 'application/pdf' }), 'copy.pdf'],
    ]);
    expect(await again.json()).toEqual({ id: fileId });

    expect((await api(`/v1/vouchers/${id}`)).body).toMatchObject({ files: [fileId] });
    const files = (await (
      await fetch(`${lexoffice.sandbox.url}/_control/lexoffice/files`)
    ).json()) as StoredFile[];
    expect(files).toEqual([
      expect.objectContaining({
        id: fileId,
        voucherId: id,
        fileName: 'RE-2025-000042.pdf',
        size: pdf.length,
      }),
    ]);
    const log = (await (
      await fetch(`${lexoffice.sandbox.url}/_control/lexoffice/requests`)
    ).json()) as RecordedRequest[];
    expect(log.filter((r) => r.path.endsWith('/files')).at(-1)?.body).toEqual({
      multipart: [
        {
          name: 'file',
          fileName: 'copy.pdf',
          contentType: 'application/pdf',
          size: pdf.length,
          sha256: files[0]?.sha256,
        },
      ],
    });
  });

  it('refuses a file over 5 MB, one that is no pdf/jpg/png/xml, none at all, and an unknown voucher', async () => {
    const id = await book();
    const big = Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]);
    const answers = [
      await upload(id, [['file', new Blob([big]), 'big.pdf']]),
      await upload(id, [['file', new Blob(['MZ\u0090\u0000']), 'setup.exe']]),
      await upload(id, [['type', 'voucher']]),
    ];
    expect(answers.map((a) => a.status)).toEqual([406, 406, 406]);
    const issues = await Promise.all(
      answers.map(async (a) => ((await a.json()) as Issues).IssueList[0]?.source),
    );
    expect(issues).toEqual(['file.size', 'file.type', 'file']);
    const unknown = await upload('0a739052-ce80-4ae6-a276-34524eec43b1', [
      ['file', new Blob([pdf]), 'x.pdf'],
    ]);
    expect(unknown.status).toBe(404);
  });
});
