import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../http/request-log.js';
import { invoiceBody, useLexofficeSandbox } from '../testing/lexoffice-fixture.js';
import type { RateReport } from './rate-report.js';

describe("Lexoffice stand-in: the gateway's key and rate limit", () => {
  const lexoffice = useLexofficeSandbox({ ratePerSecond: 2 });
  const create = (key?: string | null) =>
    lexoffice.api('/v1/invoices?finalize=true', { body: invoiceBody(), key });

  it('answers a missing or wrong key with 401 {"message": "Unauthorized"} and spends no token on it', async () => {
    const missing = await create(null);
    const wrong = await create('someone-elses-key');
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual({ message: 'Unauthorized' });

    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(201);
  });

  it('answers the third call within a second with 429, for the whole account', async () => {
    const statuses = [
      (await create()).status,
      (await lexoffice.api('/v1/voucherlist?voucherType=any&voucherStatus=any')).status,
    ];
    const third = await create();
    expect([...statuses, third.status]).toEqual([201, 200, 429]);
    expect(third.body).toMatchObject({
      status: 429,
      error: 'Too Many Requests',
      path: '/v1/invoices',
    });

    lexoffice.clock.advance(500);
    expect((await create()).status).toBe(201);

    const rate = await fetch(`${lexoffice.sandbox.url}/_control/lexoffice/rate`);
    const report = (await rate.json()) as RateReport;
    expect(report.ratePerSecond).toBe(2);
    // A bucket of 2 refills one token per 500 ms: a third call in the same second may pass.
    expect(report.seconds).toEqual([
      { second: expect.any(String), received: 4, admitted: 3, limited: 1 },
    ]);
    expect(report.maxAdmittedInAnyWindow).toBe(3);
  });

  it('records each request with the key redacted', async () => {
    await create();
    const log = (await (
      await fetch(`${lexoffice.sandbox.url}/_control/lexoffice/requests`)
    ).json()) as RecordedRequest[];
    expect(log).toMatchObject([
      { method: 'POST', path: '/lexoffice/v1/invoices', query: { finalize: 'true' }, status: 201 },
    ]);
    expect(log[0]?.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.stringify(log)).not.toContain('sandbox-lexoffice-key');
  });

  it('answers malformed JSON with 400 and a body that is not JSON with 415', async () => {
    const malformed = await fetch(`${lexoffice.sandbox.url}/lexoffice/v1/invoices`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sandbox-lexoffice-key',
        'content-type': 'application/json',
      },
      body: '{"voucherDate":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ status: 400, error: 'Bad Request' });

    lexoffice.clock.advance(1_000);
    const text = await fetch(`${lexoffice.sandbox.url}/lexoffice/v1/invoices`, {
      method: 'POST',
      headers: { authorization: 'Bearer sandbox-lexoffice-key', 'content-type': 'text/plain' },
      body: 'Rechnung',
    });
    expect(text.status).toBe(415);
  });
});
