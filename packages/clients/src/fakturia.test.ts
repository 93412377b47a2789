import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NEVER_RETRY, retryAdviceOf } from '@campus/errors';
import { createLogger } from '@campus/logger';
import { startSandbox, type RunningSandbox } from '@campus/sandbox';
import { UpstreamError, UpstreamRejectedError } from './errors.js';
import { createFakturiaClient, type FakturiaClientOptions } from './fakturia.js';

const KEY = 'fakturia-client-test-key';
let sandbox: RunningSandbox;

const control = async <T = unknown>(path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${sandbox.url}/_control/fakturia${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T;
};
const client = (options: Partial<FakturiaClientOptions> = {}) =>
  createFakturiaClient({ apiUrl: `${sandbox.url}/fakturia`, apiKey: KEY, ...options });
const customer = (customerNumber: string) => ({
  customerNumber,
  firstName: 'Holger',
  lastName: 'Tester',
  email: 'mail@example.net',
  paymentMethod: 'PAYPAL',
  billingAddress: { addressLine1: 'Teststraße 1', zipCode: '12345', cityName: 'Testhausen' },
});
const seed = (...numbers: string[]) => control('/customers', { customers: numbers.map(customer) });

beforeAll(async () => {
  sandbox = await startSandbox({
    logger: createLogger({ name: 'fakturia-client-test', level: 'silent' }),
    fakturia: { apiKey: KEY },
  });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.sandbox.reset());

describe('the Fakturia client', () => {
  it('sends exactly the documented requests: GET under /api/v1 with the api-key header, nothing else', async () => {
    await seed('K1234', 'K1235');
    await control('/invoices', { invoices: [{ invoiceNumber: 'RE-2024-000042' }] });
    const fakturia = client({ pageSize: 50 });
    await fakturia.getCustomer('K1234');
    for await (const page of fakturia.customerPages()) expect(page.customers).toHaveLength(2);
    await fakturia.getInvoiceDocument('RE-2024-000042');

    const requests =
      await control<
        { method: string; path: string; query: object; headers: Record<string, string> }[]
      >('/requests');
    // The wiki's endpoints and header (https://wiki.fakturia.de/wiki/REST%20API); paging is our assumption.
    expect(requests.map((r) => ({ method: r.method, path: r.path, query: r.query }))).toEqual([
      { method: 'GET', path: '/fakturia/api/v1/Customers/K1234', query: {} },
      { method: 'GET', path: '/fakturia/api/v1/Customers', query: { page: '0', size: '50' } },
      { method: 'GET', path: '/fakturia/api/v1/Invoices/RE-2024-000042/Document', query: {} },
    ]);
    for (const r of requests) {
      expect(r.headers['api-key']).toBe('[redacted]');
      expect(r.headers.authorization).toBeUndefined();
      expect(r.headers['content-type']).toBeUndefined();
    }
  });

  it('reads a customer by number, and says undefined for one Fakturia does not know', async () => {
    await seed('K1234');
    expect(await client().getCustomer('K1234')).toEqual(customer('K1234'));
    expect(await client().getCustomer('K9999')).toBeUndefined();
  });

  it("reads an invoice's PDF out of Fakturia's Base64, and undefined for an unknown invoice", async () => {
    await control('/invoices', { invoices: [{ invoiceNumber: 'RE-2024-000042' }] });
    const [seeded] = await control<{ sha256: string }[]>('/invoices');
    const document = await client().getInvoiceDocument('RE-2024-000042');
    expect(document?.fileName).toBe('RE-2024-000042.pdf');
    expect(document?.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(document!.pdf).digest('hex')).toBe(seeded?.sha256);
    expect(await client().getInvoiceDocument('RE-404')).toBeUndefined();
  });

  it('pages through the customer list to its end, and resumes from a given page', async () => {
    await seed('K1', 'K2', 'K3', 'K4', 'K5');
    const numbers = async (fromPage?: number) => {
      const pages: string[][] = [];
      for await (const page of client({ pageSize: 2 }).customerPages({ fromPage }))
        pages.push(page.customers.map((c) => c.customerNumber ?? '?'));
      return pages;
    };
    expect(await numbers()).toEqual([['K1', 'K2'], ['K3', 'K4'], ['K5']]);
    expect(await numbers(1)).toEqual([['K3', 'K4'], ['K5']]);
  });

  it('stops after one page when the API ignores the paging parameters', async () => {
    await seed('K1', 'K2', 'K3');
    const fakturia = client({ pageSize: 2, listQuery: 'pageNumber={page}&pageSize={size}' });
    const pages: number[] = [];
    for await (const page of fakturia.customerPages()) pages.push(page.customers.length);
    expect(pages).toEqual([3]);
    expect(await control<unknown[]>('/requests')).toHaveLength(2);
  });

  it('fails for good on a refused key, naming what to check but never the key', async () => {
    const error = await client({ apiKey: 'wrong' })
      .getCustomer('K1234')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect((error as UpstreamRejectedError).status).toBe(401);
    expect(retryAdviceOf(error)).toBe(NEVER_RETRY);
    expect((error as Error).message).toMatch(/FAKTURIA_API_KEY/);
    expect((error as Error).message).toMatch(/IP whitelist/);
    expect((error as Error).message).not.toContain('wrong');
    expect((error as Error).message).not.toContain(KEY);
  });

  it('retries a 500 and a request that gets no answer', async () => {
    await control('/fail', { count: 1, mode: 'error' });
    const failed = await client()
      .getCustomer('K1')
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(UpstreamError);
    expect(failed).not.toBeInstanceOf(UpstreamRejectedError);
    expect((failed as UpstreamError).status).toBe(500);
    expect((failed as Error).message).toContain('INTERNAL_ERROR');
    expect(retryAdviceOf(failed)).toBeUndefined();

    await control('/fail', { count: 1, mode: 'hang' });
    const hung = await client({ timeoutMs: 300 })
      .getInvoiceDocument('RE-1')
      .catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(UpstreamError);
    expect((hung as Error).message).toBe(
      'Fakturia GET /api/v1/Invoices/RE-1/Document: no answer within 300 ms',
    );
  });
});
