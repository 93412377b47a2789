import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../http/request-log.js';
import type { RunningSandbox } from '../start.js';
import { fetchJson, startTestSandbox } from '../testing/sandbox-fixture.js';

const KEY = 'fk-test-key';
const customer = (customerNumber: string, extra: Record<string, unknown> = {}) => ({
  customerNumber,
  salutation: 'MR',
  firstName: 'Holger',
  lastName: 'Tester',
  email: `${customerNumber.toLowerCase()}@example.net`,
  paymentMethod: 'BANKTRANSFER',
  ...extra,
});

describe('Fakturia stand-in', () => {
  let sandbox: RunningSandbox;
  const api = <T = unknown>(path: string, key: string | null = KEY) =>
    fetchJson<T>(`${sandbox.url}/fakturia/api/v1${path}`, {
      headers: key === null ? {} : { 'api-key': key },
    });
  const control = (path: string, body?: unknown) =>
    fetchJson(`${sandbox.url}/_control/fakturia${path}`, { body });

  beforeAll(async () => {
    sandbox = await startTestSandbox({ fakturia: { apiKey: KEY } });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.sandbox.reset();
    await control('/customers', { customers: [customer('K1'), customer('K2'), customer('K3')] });
  });

  it('refuses a missing or wrong api-key with 401 in its error shape, and never shows the key', async () => {
    for (const key of [null, 'wrong-key', KEY.toUpperCase()]) {
      const answer = await api('/Customers/K1', key);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        errorKey: 'UNAUTHORIZED',
        errorMessage: 'invalid or missing api-key',
      });
    }
    await api('/Customers/K1');
    const log = (await control('/requests')).body as RecordedRequest[];
    expect(log.map((r) => r.status)).toEqual([401, 401, 401, 200]);
    expect(JSON.stringify(log)).not.toContain(KEY);
    expect(log[3]?.headers['api-key']).toBe('[redacted]');
  });

  it('serves a customer by number and answers 404 in its error shape for an unknown one', async () => {
    const found = await api('/Customers/K2');
    expect(found.status).toBe(200);
    expect(found.body).toEqual(customer('K2'));
    const missing = await api('/Customers/K9');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errorKey: 'NOT_FOUND', errorMessage: 'customer not found: K9' });
  });

  it('holds to the documented, case-sensitive paths', async () => {
    await control('/invoices', { invoices: [{ invoiceNumber: 'RE-1' }] });
    expect((await api('/customers/K1')).status).toBe(404);
    expect((await api('/Invoices/RE-1/document')).status).toBe(404);
    const document = await fetch(`${sandbox.url}/fakturia/api/v1/Invoices/RE-1/Document`, {
      headers: { 'api-key': KEY },
    });
    expect(document.status).toBe(200);
    const withoutApiPrefix = await fetchJson(`${sandbox.url}/fakturia/v1/Customers/K1`, {
      headers: { 'api-key': KEY },
    });
    expect(withoutApiPrefix.status).toBe(404);
  });

  it('lists customers whole, by page and size, and by the documented filters', async () => {
    const all = await api<{ customerNumber: string }[]>('/Customers');
    expect(all.body.map((c) => c.customerNumber)).toEqual(['K1', 'K2', 'K3']);
    const second = await api<{ customerNumber: string }[]>('/Customers?page=1&size=2');
    expect(second.body.map((c) => c.customerNumber)).toEqual(['K3']);
    const past = await api<unknown[]>('/Customers?page=5&size=2');
    expect(past.body).toEqual([]);
    const byEmail = await api<{ customerNumber: string }[]>('/Customers?email=k2%40example.net');
    expect(byEmail.body.map((c) => c.customerNumber)).toEqual(['K2']);
    const bad = await api('/Customers?page=-1&size=2');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errorKey: 'INCORRECT_INPUT_DATA' });
  });

  it("serves an invoice's document as the Base64 of a real PDF, 404 for an unknown invoice", async () => {
    const seeded = await control('/invoices', {
      invoices: [{ invoiceNumber: 'RE-2024-000042', lines: ['Kurs-Abo, Mai 2024', '100,00 EUR'] }],
    });
    expect(seeded.status).toBe(201);
    const response = await fetch(
      `${sandbox.url}/fakturia/api/v1/Invoices/RE-2024-000042/Document`,
      {
        headers: { 'api-key': KEY },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const pdf = Buffer.from(await response.text(), 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Rechnung RE-2024-000042');

    const missing = await api('/Invoices/RE-404/Document');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      errorKey: 'NOT_FOUND',
      errorMessage: 'invoice not found: RE-404',
    });
  });

  it('refuses seeds it cannot use', async () => {
    expect((await control('/customers', { customers: [{ email: 'x@example.net' }] })).status).toBe(
      400,
    );
    expect((await control('/invoices', { invoices: [{ lines: [] }] })).status).toBe(400);
  });
});
