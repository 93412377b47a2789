import { describe, expect, it } from 'vitest';
import { retryAdviceOf } from '@campus/errors';
import { UpstreamError, UpstreamRateLimitError, UpstreamRejectedError } from '../errors.js';
import {
  EINNAHMEN,
  fakturiaInvoice,
  rejectionOf,
  useLexofficeStandIn,
} from '../../test/lexoffice-stand-in.js';

const booking = { voucherNumber: 'RE-2024-000042', categoryId: EINNAHMEN };

describe("the Lexoffice client's answers to failures", () => {
  const lexoffice = useLexofficeStandIn();

  it("turns a 406 into a rejection that is not retried, naming Lexoffice's fields (regular error)", async () => {
    const { address: _a, ...invoice } = fakturiaInvoice();
    const broken = { ...invoice, address: { name: 'Holger Tester', city: 'Testhausen', zip: '1' } };

    const error = await rejectionOf(lexoffice.client().createInvoice(broken));
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(retryAdviceOf(error)).toEqual({ retry: 'never' });
    expect((error as Error).message).toBe(
      'lexoffice answered 406: POST /v1/invoices: Validation failed for request. ' +
        'Please see details list for specific causes.; address.countryCode: darf nicht leer sein',
    );
  });

  it('names the source and key of each issue of a legacy IssueList (vouchers)', async () => {
    const error = await rejectionOf(
      lexoffice.client().createBookkeepingVoucher(fakturiaInvoice(), {
        ...booking,
        categoryId: '16d04a28-fd91-11e1-a21f-0800200c9a66',
      }),
    );
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect((error as Error).message).toBe(
      'lexoffice answered 406: POST /v1/vouchers: voucherItems[0].categoryId: invalid_value',
    );
  });

  it('turns a 401 into a rejection that names the setting to check, never the key', async () => {
    const error = await rejectionOf(
      lexoffice
        .client({ apiKey: 'wrong-key' })
        .createBookkeepingVoucher(fakturiaInvoice(), booking),
    );
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect((error as Error).message).toBe(
      'lexoffice answered 401: POST /v1/vouchers: Unauthorized; check LEXOFFICE_API_KEY',
    );
  });

  it('turns a 429 into a rate-limit error that waits a second', async () => {
    // Half a token per second: the bucket starts below one, so the first call is limited.
    await lexoffice.control('POST', '/lexoffice/rate-limit', { perSecond: 0.5 });

    const error = await rejectionOf(lexoffice.client().createInvoice(fakturiaInvoice()));
    expect(error).toBeInstanceOf(UpstreamRateLimitError);
    expect(retryAdviceOf(error)).toEqual({ retry: 'after', ms: 1_000 });
    expect((error as UpstreamRateLimitError).status).toBe(429);
  });

  it('turns a 500 into an error that is retried', async () => {
    await lexoffice.control('POST', '/lexoffice/fail', { count: 1, mode: 'error' });

    const error = await rejectionOf(
      lexoffice.client().createBookkeepingVoucher(fakturiaInvoice(), booking),
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).not.toBeInstanceOf(UpstreamRejectedError);
    expect(error).not.toBeInstanceOf(UpstreamRateLimitError);
    expect((error as UpstreamError).status).toBe(500);
  });

  it('gives up on a call that gets no answer with an error that is retried', async () => {
    await lexoffice.control('POST', '/lexoffice/fail', { count: 1, mode: 'timeout-after-work' });

    const error = await rejectionOf(
      lexoffice.client({ timeoutMs: 300 }).createBookkeepingVoucher(fakturiaInvoice(), booking),
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).not.toBeInstanceOf(UpstreamRejectedError);
    expect((error as Error).message).toBe('Lexoffice POST /v1/vouchers: no answer within 300 ms');
    // The stand-in did the work: exactly what a retry has to find instead of repeating.
    expect(await lexoffice.control<unknown[]>('GET', '/lexoffice/vouchers')).toHaveLength(1);
  });

  it('stops a call when the caller aborts it', async () => {
    await lexoffice.control('POST', '/lexoffice/fail', { count: 1, mode: 'hang' });
    const stop = new AbortController();
    const pending = rejectionOf(
      lexoffice
        .client()
        .createBookkeepingVoucher(fakturiaInvoice(), booking, { signal: stop.signal }),
    );
    stop.abort(new Error('worker shutting down'));

    const error = await pending;
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe(
      'Lexoffice POST /v1/vouchers: the request was aborted (worker stopping)',
    );
  });
});
