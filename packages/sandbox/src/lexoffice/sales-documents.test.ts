import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { invoiceBody, LEXOFFICE_KEY, useLexofficeSandbox } from '../testing/lexoffice-fixture.js';

interface Violation {
  violation: string;
  field: string;
}

describe('Lexoffice stand-in: invoices and credit notes', () => {
  const lexoffice = useLexofficeSandbox();
  const { api } = lexoffice;
  const refused = async (body: unknown, path = '/v1/invoices?finalize=true') => {
    const answer = await api<{ status: number; details: Violation[] }>(path, { body });
    expect(answer.status).toBe(406);
    expect(answer.body).toMatchObject({
      status: 406,
      error: 'Not Acceptable',
      path: path.split('?')[0],
      traceId: expect.any(String),
      message: 'Validation failed for request. Please see details list for specific causes.',
    });
    return answer.body.details.map((d) => `${d.violation} ${d.field}`);
  };

  it('creates a finalized invoice: 201 with the action result, read back numbered, open and totalled', async () => {
    const created = await api('/v1/invoices?finalize=true', { body: invoiceBody() });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      resourceUri: `${lexoffice.sandbox.url}/lexoffice/v1/invoices/${String(created.body.id)}`,
      createdDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+01:00$/),
      updatedDate: expect.any(String),
      version: 1,
    });

    const invoice = await api(`/v1/invoices/${String(created.body.id)}`);
    expect(invoice.body).toMatchObject({
      voucherStatus: 'open',
      voucherNumber: 'RE1001',
      voucherDate: '2025-03-03T00:00:00.000+01:00',
      totalPrice: {
        currency: 'EUR',
        totalNetAmount: 37.38,
        totalGrossAmount: 40.0,
        totalTaxAmount: 2.62,
      },
      taxAmounts: [{ taxRatePercentage: 7, taxAmount: 2.62, netAmount: 37.38 }],
    });
  });

  it('refuses a date-only or offset-less date with 406 PATTERN, as Lexoffice does', async () => {
    const body = invoiceBody();
    const details = await refused({
      ...body,
      voucherDate: '2025-03-03',
      shippingConditions: { shippingType: 'service', shippingDate: '2025-03-03T00:00:00' },
    });
    expect(details).toEqual(['PATTERN voucherDate', 'PATTERN shippingConditions.shippingDate']);
    expect(await refused({ ...body, voucherDate: '2025-03-03T00:00:00Z' })).toEqual([
      'PATTERN voucherDate',
    ]);
  });

  it('refuses an invoice without the fields the docs require, naming each', async () => {
    const details = await refused({
      voucherDate: '2025-03-03T00:00:00.000+01:00',
      address: { name: 'Muster GmbH', city: 'Berlin' },
      lineItems: [
        {
          type: 'custom',
          name: 'Seminar',
          quantity: 1,
          unitPrice: { currency: 'EUR', netAmount: 1 },
        },
      ],
      taxConditions: { taxType: 'net' },
    });
    expect(details).toEqual([
      'NOTNULL address.countryCode',
      'NOTNULL lineItems[0].unitName',
      'NOTNULL lineItems[0].unitPrice.taxRatePercentage',
      'NOTNULL totalPrice',
      'NOTNULL shippingConditions',
    ]);
  });

  it('refuses read-only fields: totals, number, status, line amounts', async () => {
    const body = invoiceBody();
    const details = await refused({
      ...body,
      voucherNumber: 'RE-1',
      voucherStatus: 'open',
      totalPrice: { currency: 'EUR', totalNetAmount: 37.38 },
      lineItems: [{ ...body.lineItems[0], lineItemAmount: 37.38 }],
    });
    expect(details).toEqual([
      'READ_ONLY voucherStatus',
      'READ_ONLY voucherNumber',
      'READ_ONLY lineItems[0].lineItemAmount',
      'READ_ONLY totalPrice.totalNetAmount',
    ]);
  });

  it('creates a credit note without shipping conditions', async () => {
    const { shippingConditions: _none, ...creditNote } = invoiceBody();
    const created = await api('/v1/credit-notes?finalize=true', { body: creditNote });
    expect(created.status).toBe(201);
    const read = await api(`/v1/credit-notes/${String(created.body.id)}`);
    expect(read.body).toMatchObject({ voucherNumber: 'GS1001', voucherStatus: 'open' });
    expect((await api(`/v1/invoices/${String(created.body.id)}`)).status).toBe(404);
  });

  it('renders the PDF of a finalized invoice once and serves it as a file', async () => {
    const created = await api('/v1/invoices?finalize=true', { body: invoiceBody() });
    const document = await api<{ documentFileId: string }>(
      `/v1/invoices/${String(created.body.id)}/document`,
    );
    expect(document.status).toBe(200);
    const again = await api<{ documentFileId: string }>(
      `/v1/invoices/${String(created.body.id)}/document`,
    );
    expect(again.body.documentFileId).toBe(document.body.documentFileId);

    const file = await fetch(
      `${lexoffice.sandbox.url}/lexoffice/v1/files/${document.body.documentFileId}`,
      {
        headers: { authorization: `Bearer ${LEXOFFICE_KEY}`, accept: 'application/pdf' },
      },
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="${document.body.documentFileId}.pdf"`,
    );
    const pdf = await PDFDocument.load(await file.arrayBuffer());
    expect(pdf.getTitle()).toBe('Rechnung RE1001');
    expect(pdf.getPageCount()).toBe(1);

    const asJson = await api(`/v1/files/${document.body.documentFileId}`, {
      headers: { accept: 'application/json' },
    });
    expect(asJson.status).toBe(406);
  });

  it('has no document for a draft: 406 for /document, 409 for /file', async () => {
    const draft = await api('/v1/invoices', { body: invoiceBody() });
    const id = String(draft.body.id);
    expect((await api(`/v1/invoices/${id}`)).body).toMatchObject({ voucherStatus: 'draft' });
    expect((await api(`/v1/invoices/${id}/document`)).status).toBe(406);
    expect((await api(`/v1/invoices/${id}/file`)).status).toBe(409);
  });
});
