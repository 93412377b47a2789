import { describe, expect, it } from 'vitest';
import { invoiceBody, useLexofficeSandbox, voucherBody } from '../testing/lexoffice-fixture.js';

interface ListPage {
  content: {
    id: string;
    voucherType: string;
    voucherNumber: string;
    voucherDate: string;
    contactName: string;
  }[];
  totalElements: number;
  totalPages: number;
}

describe('Lexoffice stand-in: the voucher list', () => {
  const lexoffice = useLexofficeSandbox();
  const { api } = lexoffice;
  const list = (query: string) => api<ListPage>(`/v1/voucherlist?${query}`);

  it('wants voucherType and voucherStatus (400 without)', async () => {
    expect((await list('voucherStatus=any')).status).toBe(400);
    const answer = await list('voucherType=any');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      status: 400,
      message: "Required parameter 'voucherStatus' is missing",
    });
  });

  it('lists bookkeeping vouchers and invoices together, newest voucher date first', async () => {
    await api('/v1/vouchers', { body: { ...voucherBody(), voucherDate: '2025-03-01' } });
    lexoffice.clock.advance(1_000);
    await api('/v1/invoices?finalize=true', { body: invoiceBody() });
    const page = await list('voucherType=salesinvoice,invoice&voucherStatus=any');
    expect(
      page.body.content.map((v) => [v.voucherType, v.voucherNumber, v.voucherDate, v.contactName]),
    ).toEqual([
      ['invoice', 'RE1001', '2025-03-03T00:00:00.000+01:00', 'Muster GmbH'],
      ['salesinvoice', 'RE-2025-000042', '2025-03-01T00:00:00.000+01:00', 'Sammelkunde'],
    ]);
  });

  it('filters by voucher number (sent HTML-encoded) and voucher date', async () => {
    await api('/v1/vouchers', { body: { ...voucherBody(), voucherNumber: 'A&B-1' } });
    await api('/v1/vouchers', {
      body: { ...voucherBody(), voucherNumber: 'A&B-2', voucherDate: '2025-03-04' },
    });
    const byNumber = await list(
      `voucherType=any&voucherStatus=any&voucherNumber=${encodeURIComponent('A&amp;B-1')}`,
    );
    expect(byNumber.body.content.map((v) => v.voucherNumber)).toEqual(['A&B-1']);
    const byDay = await list(
      'voucherType=any&voucherStatus=any&voucherDateFrom=2025-03-04&voucherDateTo=2025-03-04',
    );
    expect(byDay.body.content.map((v) => v.voucherNumber)).toEqual(['A&B-2']);
    expect(
      (await list('voucherType=any&voucherStatus=any&voucherDateFrom=04.03.2025')).status,
    ).toBe(400);
  });

  it('can be switched off (404), for a client that has to do without it', async () => {
    await fetch(`${lexoffice.sandbox.url}/_control/lexoffice/voucherlist`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    expect((await list('voucherType=any&voucherStatus=any')).status).toBe(404);
  });
});
