import { Ajv } from 'ajv';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '@campus/sandbox';
import {
  CREATE_INVOICE,
  CREATE_VOUCHER,
  VOUCHERLIST_QUERY,
} from '../../test/lexoffice-documented-requests.js';
import {
  ebookSale,
  EINNAHMEN,
  fakturiaCorrection,
  fakturiaInvoice,
  plenigoInvoice,
} from '../../test/lexoffice-samples.js';
import { useLexofficeStandIn } from '../../test/lexoffice-stand-in.js';

// strictRequired off: anyOf/oneOf name properties defined beside them, not inside.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const documented = {
  voucher: ajv.compile(CREATE_VOUCHER),
  invoice: ajv.compile(CREATE_INVOICE),
  voucherlist: ajv.compile(VOUCHERLIST_QUERY),
};

const errorsOf = (check: ((data: unknown) => boolean) & { errors?: unknown }, data: unknown) =>
  check(data) ? [] : check.errors;

describe('the requests of one full flow, held against what the Lexoffice docs require', () => {
  const lexoffice = useLexofficeStandIn();

  it('Fakturia invoice with its PDF, plenigo invoice, correction, e-book sale with its PDF', async () => {
    const client = lexoffice.client();
    const doc = await PDFDocument.create();
    doc.addPage();
    const fakturiaPdf = await doc.save();

    // Fakturia's invoice: looked up (an earlier attempt may have booked it), booked, its PDF attached.
    const missing = await client.findVoucherByNumber({
      voucherNumber: 'RE-2024-000042',
      voucherDate: '2024-05-01',
    });
    expect(missing).toBeUndefined();
    const fakturia = await client.createBookkeepingVoucher(fakturiaInvoice(), {
      voucherNumber: 'RE-2024-000042',
      categoryId: EINNAHMEN,
    });
    await client.attachVoucherFile(fakturia.id, {
      fileName: 'RE-2024-000042.pdf',
      data: fakturiaPdf,
    });
    // plenigo's invoice, under its invoice id; Fakturia's correction as a credit.
    await client.createBookkeepingVoucher(plenigoInvoice(), {
      voucherNumber: '223',
      categoryId: EINNAHMEN,
    });
    await client.createBookkeepingVoucher(fakturiaCorrection(), {
      voucherNumber: 'GS-2024-000007',
      categoryId: EINNAHMEN,
    });
    // The e-book sale: a finalized invoice and its PDF for the buyer.
    const invoice = await client.createInvoice(ebookSale());
    expect(await client.getInvoice(invoice.id)).toMatchObject({ voucherNumber: 'RE1001' });
    const fileId = await client.getInvoiceDocumentFileId(invoice.id);
    const pdf = await client.downloadFile(fileId);
    expect((await PDFDocument.load(pdf.data)).getTitle()).toBe('Rechnung RE1001');

    const requests = await lexoffice.requests();
    const line = (r: RecordedRequest) =>
      `${r.method} ${r.path.replace(/^\/lexoffice/, '').replace(/[0-9a-f-]{36}/g, '{id}')} ${r.status}`;
    expect(requests.map(line)).toEqual([
      'GET /v1/voucherlist 200',
      'POST /v1/vouchers 201',
      'POST /v1/vouchers/{id}/files 202',
      'POST /v1/vouchers 201',
      'POST /v1/vouchers 201',
      'POST /v1/invoices 201',
      'GET /v1/invoices/{id} 200',
      'GET /v1/invoices/{id}/document 200',
      'GET /v1/files/{id} 200',
    ]);
    const [
      search,
      fakturiaBody,
      upload,
      plenigoBody,
      correctionBody,
      invoiceBody,
      readBack,
      document,
      file,
    ] = requests;

    // Every request carries the key as a Bearer token (redacted in the log).
    for (const request of requests) expect(request.headers.authorization).toBe('Bearer [redacted]');

    // Voucherlist Endpoint.
    expect(errorsOf(documented.voucherlist, search?.query)).toEqual([]);

    // Vouchers Endpoint: JSON bodies with the documented fields only; totals that add up.
    for (const request of [fakturiaBody, plenigoBody, correctionBody]) {
      expect(request?.headers['content-type']).toBe('application/json');
      expect(errorsOf(documented.voucher, request?.body)).toEqual([]);
      const body = request?.body as {
        totalGrossAmount: number;
        totalTaxAmount: number;
        taxType: string;
        voucherItems: { amount: number; taxAmount: number }[];
      };
      const cents = (n: number) => Math.round(n * 100);
      const tax = body.voucherItems.reduce((sum, i) => sum + cents(i.taxAmount), 0);
      const amounts = body.voucherItems.reduce((sum, i) => sum + cents(i.amount), 0);
      expect(cents(body.totalTaxAmount)).toBe(tax);
      expect(cents(body.totalGrossAmount)).toBe(body.taxType === 'net' ? amounts + tax : amounts);
    }
    expect(
      [fakturiaBody, plenigoBody, correctionBody].map((r) => (r?.body as { type: string }).type),
    ).toEqual(['salesinvoice', 'salesinvoice', 'salescreditnote']);

    // "Upload a File to a Voucher": multipart, one part `file` with the PDF, no `type` part.
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.body).toEqual({
      multipart: [
        expect.objectContaining({
          name: 'file',
          fileName: 'RE-2024-000042.pdf',
          contentType: 'application/pdf',
          size: fakturiaPdf.byteLength,
        }),
      ],
    });

    // Invoices Endpoint: finalized, date-times with the Berlin offset of the day, nothing read-only.
    expect(invoiceBody?.query).toEqual({ finalize: 'true' });
    expect(errorsOf(documented.invoice, invoiceBody?.body)).toEqual([]);
    expect(invoiceBody?.body).toMatchObject({
      voucherDate: '2024-10-27T00:00:00.000+02:00',
      shippingConditions: { shippingDate: '2024-10-27T00:00:00.000+02:00' },
    });
    // "Retrieve an Invoice" (its number for the buyer's mail), "Render an Invoice Document", then the Files Endpoint's download with a PDF accepted.
    expect(readBack?.headers.accept).toBe('application/json');
    expect(document?.headers.accept).toBe('application/json');
    expect(file?.headers.accept).toBe('application/pdf');
  });

  it('would have refused what the client sent before: plain dates and our totalNetAmount', () => {
    const { voucherType: _type, ...before } = fakturiaInvoice();
    expect(documented.invoice(before)).toBe(false);
    expect(documented.invoice.errors?.map((e) => `${e.instancePath} ${e.message ?? ''}`)).toEqual([
      '/voucherDate must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})$"',
      '/totalPrice must NOT have additional properties',
      '/shippingConditions/shippingDate must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})$"',
    ]);
  });
});
