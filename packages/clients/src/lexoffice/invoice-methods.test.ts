import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { LexofficeRequestError } from './lexoffice-contract.js';
import {
  fakturiaInvoice,
  rejectionOf,
  useLexofficeStandIn,
} from '../../test/lexoffice-stand-in.js';

describe("Campus's own invoices through the Lexoffice client", () => {
  const lexoffice = useLexofficeStandIn();

  it('creates a finalized invoice and downloads its PDF (document, then file)', async () => {
    const client = lexoffice.client();
    const invoice = await client.createInvoice(fakturiaInvoice());

    const fileId = await client.getInvoiceDocumentFileId(invoice.id);
    const file = await client.downloadFile(fileId);

    expect(file.contentType).toBe('application/pdf');
    expect(file.fileName).toBe(`${fileId}.pdf`);
    const pdf = await PDFDocument.load(file.data);
    expect(pdf.getTitle()).toBe('Rechnung RE1001');
    const requests = await lexoffice.requests();
    expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /lexoffice/v1/invoices 201',
      `GET /lexoffice/v1/invoices/${invoice.id}/document 200`,
      `GET /lexoffice/v1/files/${fileId} 200`,
    ]);
    expect(requests[0]?.query).toEqual({ finalize: 'true' });
    expect(requests[2]?.headers.accept).toBe('application/pdf');
  });

  it('takes invoices only', async () => {
    const { shippingConditions: _none, ...rest } = fakturiaInvoice();
    const error = await rejectionOf(
      lexoffice.client().createInvoice({ ...rest, voucherType: 'creditnote' }),
    );
    expect(error).toBeInstanceOf(LexofficeRequestError);
    expect(await lexoffice.requests()).toEqual([]);
  });

  it("reads back Lexoffice's number, status and gross total of an invoice", async () => {
    const client = lexoffice.client();
    const invoice = await client.createInvoice(fakturiaInvoice());

    expect(await client.getInvoice(invoice.id)).toEqual({
      id: invoice.id,
      voucherNumber: 'RE1001',
      voucherStatus: 'open',
      totalGrossAmount: 100,
    });
  });

  it('finds an invoice it created by its remark, among others of the same day', async () => {
    const client = lexoffice.client();
    const other = await client.createInvoice({ ...fakturiaInvoice(), remark: 'Referenz: anderes' });
    const created = await client.createInvoice(fakturiaInvoice());

    const found = await client.findInvoiceByRemark({
      remark: 'Referenz: Fakturia-Rechnung RE-2024-000042',
      contactName: 'Holger Tester',
      createdFrom: new Date(Date.now() - 60_000),
      createdTo: new Date(Date.now() + 60_000),
    });

    expect(found).toMatchObject({ id: created.id, voucherType: 'invoice' });
    expect(found?.id).not.toBe(other.id);
    const missing = await client.findInvoiceByRemark({
      remark: 'Referenz: gibt es nicht',
      createdFrom: new Date(Date.now() - 60_000),
      createdTo: new Date(Date.now() + 60_000),
    });
    expect(missing).toBeUndefined();
  });
});
