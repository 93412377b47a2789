import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start.js';
import { fetchJson, ManualClock, startTestSandbox } from '../testing/sandbox-fixture.js';
import type { StoredVoucher } from './lexoffice-state.js';
import type { RateReport } from './rate-report.js';

const invoice = {
  voucherDate: '2025-03-03T00:00:00.000+01:00',
  address: { name: 'Muster GmbH', city: 'Berlin', zip: '10115' },
  lineItems: [
    {
      type: 'custom',
      name: 'Seminar',
      quantity: 1,
      unitName: 'Stück',
      unitPrice: { currency: 'EUR', netAmount: 100, taxRatePercentage: 19 },
    },
  ],
  totalPrice: { currency: 'EUR' },
  taxConditions: { taxType: 'net' },
};

describe('Lexoffice stand-in', () => {
  const clock = new ManualClock();
  let sandbox: RunningSandbox;
  const post = (path: string, body: unknown, key: string | null = 'lx-key') =>
    fetchJson<Record<string, unknown>>(`${sandbox.url}/lexoffice${path}`, {
      body,
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clock });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    clock.advance(10_000);
    sandbox.sandbox.reset();
  });

  it('creates a finalized invoice and answers 201 with id, resourceUri and version', async () => {
    const answer = await post('/v1/invoices?finalize=true', invoice);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      resourceUri: `${sandbox.url}/lexoffice/v1/invoices/${String(answer.body.id)}`,
      createdDate: new Date(clock.now()).toISOString(),
      updatedDate: new Date(clock.now()).toISOString(),
      version: 1,
    });
    const vouchers = await fetchJson<StoredVoucher[]>(`${sandbox.url}/_control/lexoffice/vouchers`);
    expect(vouchers.body).toMatchObject([
      { id: answer.body.id, voucherType: 'invoice', request: invoice },
    ]);
  });

  it('creates credit notes under /v1/credit-notes', async () => {
    const answer = await post('/v1/credit-notes?finalize=true', invoice);
    expect(answer.status).toBe(201);
    expect(sandbox.sandbox.state.lexoffice.vouchers.get(String(answer.body.id))?.voucherType).toBe(
      'creditnote',
    );
  });

  it('answers the third call within a second with 429, for the whole account', async () => {
    const statuses = [
      (await post('/v1/invoices?finalize=true', invoice)).status,
      (await post('/v1/credit-notes?finalize=true', invoice)).status,
    ];
    const third = await post('/v1/invoices?finalize=true', invoice);
    expect([...statuses, third.status]).toEqual([201, 201, 429]);
    expect(third.body).toMatchObject({
      status: 429,
      error: 'Too Many Requests',
      path: '/v1/invoices',
    });

    clock.advance(500);
    expect((await post('/v1/invoices?finalize=true', invoice)).status).toBe(201);

    const rate = await fetchJson<RateReport>(`${sandbox.url}/_control/lexoffice/rate`);
    expect(rate.body.ratePerSecond).toBe(2);
    expect(rate.body.times).toHaveLength(4);
    // A bucket of 2 refills one token per 500 ms: a third call in the same second may pass.
    expect(rate.body.seconds).toEqual([
      { second: expect.any(String), received: 4, admitted: 3, limited: 1 },
    ]);
    expect(rate.body.maxAdmittedInAnyWindow).toBe(3);
  });

  it('rejects a call without a Bearer key with 401 and uses no token for it', async () => {
    expect((await post('/v1/invoices', invoice, null)).status).toBe(401);
    expect((await post('/v1/invoices', invoice)).status).toBe(201);
    expect((await post('/v1/invoices', invoice)).status).toBe(201);
  });

  it('answers a voucher without lineItems or totalPrice with 400 and the fields in details', async () => {
    const answer = await post('/v1/invoices?finalize=true', {
      voucherDate: '2025-03-03',
      address: {},
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([
      expect.objectContaining({ field: 'lineItems' }),
      expect.objectContaining({ field: 'totalPrice' }),
    ]);
  });

  it('answers malformed JSON with a Lexoffice-style 400', async () => {
    const response = await fetch(`${sandbox.url}/lexoffice/v1/invoices`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: '{"voucherDate":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, error: 'Bad Request' });
  });

  it('lists vouchers by type and creation day, newest first, and can be switched off', async () => {
    const first = await post('/v1/invoices?finalize=true', invoice);
    clock.advance(1_000);
    const second = await post('/v1/invoices?finalize=true', {
      ...invoice,
      address: { ...invoice.address, name: 'B GmbH' },
    });
    clock.advance(1_000);
    await post('/v1/credit-notes?finalize=true', invoice);
    const day = new Date(clock.now()).toISOString().slice(0, 10);
    const list = await fetchJson<{
      content: { id: string; contactName: string }[];
      totalElements: number;
    }>(
      `${sandbox.url}/lexoffice/v1/voucherlist?voucherType=invoice&voucherStatus=any&createdDateFrom=${day}&createdDateTo=${day}&page=0&size=25`,
      { headers: { authorization: 'Bearer lx-key' } },
    );
    expect(list.status).toBe(200);
    expect(list.body.totalElements).toBe(2);
    expect(list.body.content.map((v) => v.id)).toEqual([second.body.id, first.body.id]);
    expect(list.body.content[0]!.contactName).toBe('B GmbH');

    await fetchJson(`${sandbox.url}/_control/lexoffice/voucherlist`, { body: { enabled: false } });
    clock.advance(1_000);
    const off = await fetchJson(`${sandbox.url}/lexoffice/v1/voucherlist?voucherType=invoice`, {
      headers: { authorization: 'Bearer lx-key' },
    });
    expect(off.status).toBe(404);
  });

  it('records requests with the key redacted', async () => {
    await post('/v1/invoices?finalize=true', invoice, 'secret-key');
    const log = await fetchJson<
      { path: string; query: unknown; headers: Record<string, string>; status: number }[]
    >(`${sandbox.url}/_control/lexoffice/requests`);
    expect(log.body).toMatchObject([
      { path: '/lexoffice/v1/invoices', query: { finalize: 'true' }, status: 201 },
    ]);
    expect(log.body[0]?.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.stringify(log.body)).not.toContain('secret-key');
  });
});
