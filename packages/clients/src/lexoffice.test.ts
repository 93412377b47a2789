import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { retryAdviceOf } from '@campus/errors';
import { createLogger } from '@campus/logger';
import { startSandbox, type RecordedRequest, type RunningSandbox } from '@campus/sandbox';
import { UpstreamError, UpstreamRateLimitError, UpstreamRejectedError } from './errors.js';
import { createLexofficeClient, type LexofficeVoucher } from './lexoffice.js';

const invoice: LexofficeVoucher = {
  voucherType: 'invoice',
  voucherDate: '2024-05-01',
  address: { name: 'Holger Tester', street: 'Teststraße 1', city: 'Testhausen', zip: '12345' },
  lineItems: [
    {
      type: 'custom',
      name: 'Online-Kurs Projektmanagement',
      quantity: 1,
      unitName: 'Stück',
      unitPrice: { currency: 'EUR', netAmount: 84.03, taxRatePercentage: 19 },
    },
  ],
  totalPrice: { currency: 'EUR', totalNetAmount: 84.03 },
  taxConditions: { taxType: 'net' },
  shippingConditions: { shippingType: 'service', shippingDate: '2024-05-01' },
  remark: 'Referenz: Fakturia-Rechnung RE-2024-000042',
};

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    logger: createLogger({ name: 'lexoffice-client-test', level: 'silent' }),
    port: 0,
    smtpPort: 0,
  });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await control('POST', '/reset');
});

async function control<T = unknown>(method: string, path: string, payload?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}/_control${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  if (!response.ok) throw new Error(`control ${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

const lexoffice = (options: { apiKey?: string; timeoutMs?: number } = {}) =>
  createLexofficeClient({
    apiUrl: `${sandbox.url}/lexoffice`,
    apiKey: options.apiKey ?? 'lexoffice-test-key',
    timeoutMs: options.timeoutMs ?? 10_000,
  });

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('the Lexoffice client', () => {
  it('creates a finalized invoice with the Bearer key and without our voucherType field', async () => {
    const created = await lexoffice().createVoucher(invoice);

    expect(created).toMatchObject({ id: expect.any(String), version: 1 });
    const [request] = await control<RecordedRequest[]>('GET', '/lexoffice/requests');
    expect(request).toMatchObject({
      method: 'POST',
      path: '/lexoffice/v1/invoices',
      query: { finalize: 'true' },
      headers: { authorization: 'Bearer [redacted]' },
      status: 201,
    });
    const { voucherType: _type, ...sent } = invoice;
    expect(request?.body).toEqual(sent);
  });

  it('creates credit notes under /v1/credit-notes', async () => {
    const { shippingConditions: _none, ...rest } = invoice;
    const created = await lexoffice().createVoucher({ ...rest, voucherType: 'creditnote' });

    const stored = await control<{ id: string; voucherType: string }[]>(
      'GET',
      '/lexoffice/vouchers',
    );
    expect(stored).toEqual([
      expect.objectContaining({ id: created.id, voucherType: 'creditnote' }),
    ]);
  });

  it('reads a created voucher back with its remark', async () => {
    const client = lexoffice();
    const created = await client.createVoucher(invoice);

    const voucher = await client.getVoucher('invoice', created.id);
    expect(voucher).toMatchObject({ id: created.id, remark: invoice.remark });
  });

  it("turns a 400 into a rejection that is not retried, with Lexoffice's message and fields", async () => {
    const broken = { ...invoice, lineItems: [] } as LexofficeVoucher;

    const error = await rejectionOf(lexoffice().createVoucher(broken));
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(retryAdviceOf(error)).toEqual({ retry: 'never' });
    expect((error as Error).message).toBe(
      'lexoffice answered 400: POST /v1/invoices: Validation failed for request. ' +
        'Please see details list for specific causes.; lineItems: darf nicht leer sein',
    );
  });

  it('turns a 401 into a rejection that names the setting to check, never the key', async () => {
    const error = await rejectionOf(lexoffice({ apiKey: '' }).createVoucher(invoice));
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect((error as Error).message).toContain('check LEXOFFICE_API_KEY');
  });

  it('turns a 429 into a rate-limit error that waits a second', async () => {
    // Half a token per second: the bucket starts below one, so the first call is limited.
    await control('POST', '/lexoffice/rate-limit', { perSecond: 0.5 });

    const error = await rejectionOf(lexoffice().createVoucher(invoice));
    expect(error).toBeInstanceOf(UpstreamRateLimitError);
    expect((error as UpstreamRateLimitError).retryAfterMs).toBe(1_000);
    expect(retryAdviceOf(error)).toEqual({ retry: 'after', ms: 1_000 });
    expect((error as UpstreamRateLimitError).status).toBe(429);
  });

  it('turns a 500 into an error that is retried', async () => {
    await control('POST', '/lexoffice/fail', { count: 1, mode: 'error' });

    const error = await rejectionOf(lexoffice().createVoucher(invoice));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).not.toBeInstanceOf(UpstreamRejectedError);
    expect(error).not.toBeInstanceOf(UpstreamRateLimitError);
    expect((error as UpstreamError).status).toBe(500);
  });

  it('gives up on a call that gets no answer with an error that is retried', async () => {
    await control('POST', '/lexoffice/fail', { count: 1, mode: 'timeout-after-work' });

    const error = await rejectionOf(lexoffice({ timeoutMs: 300 }).createVoucher(invoice));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).not.toBeInstanceOf(UpstreamRejectedError);
    expect((error as Error).message).toBe('Lexoffice POST /v1/invoices: no answer within 300 ms');
    // The stand-in did the work: exactly what a retry has to find instead of repeating.
    expect(await control<unknown[]>('GET', '/lexoffice/vouchers')).toHaveLength(1);
  });

  it('stops a call when the caller aborts it', async () => {
    await control('POST', '/lexoffice/fail', { count: 1, mode: 'hang' });
    const stop = new AbortController();
    const pending = rejectionOf(lexoffice().createVoucher(invoice, { signal: stop.signal }));
    stop.abort(new Error('worker shutting down'));

    const error = await pending;
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe(
      'Lexoffice POST /v1/invoices: the request was aborted (worker stopping)',
    );
  });
});
