import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PaypalState, Subscription } from '../paypal/paypal-state.js';
import type { RunningSandbox } from '../start.js';
import { fetchJson, startTestSandbox } from '../testing/sandbox-fixture.js';
import type { RecordedRequest } from './request-log.js';

describe('failure knobs', () => {
  let sandbox: RunningSandbox;
  const arm = (upstream: string, body: unknown) =>
    fetchJson(`${sandbox.url}/_control/${upstream}/fail`, { body });
  const createAddress = () =>
    fetchJson(`${sandbox.url}/prosonata/api/v1/addresses`, {
      body: { customerID: 1, name1: 'Knopf GmbH', city: 'Köln' },
      headers: { 'x-api-key': 'k' },
    });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.sandbox.reset());

  it('fails the next N calls of one upstream with 500, then answers normally', async () => {
    expect((await arm('prosonata', { count: 2, mode: 'error' })).status).toBe(200);
    expect((await createAddress()).status).toBe(500);
    expect((await createAddress()).status).toBe(500);
    expect((await createAddress()).status).toBe(201);
    expect(sandbox.sandbox.state.prosonata.store.addresses.size).toBe(1);

    const log = await fetchJson<RecordedRequest[]>(`${sandbox.url}/_control/prosonata/requests`);
    expect(log.body.map((r) => [r.status, r.fault])).toEqual([
      [500, 'error'],
      [500, 'error'],
      [201, undefined],
    ]);
  });

  it('fails only the calls of a path when given one, and lets the others through', async () => {
    const arming = await arm('prosonata', { count: 1, mode: 'error', path: '/addresses/\\d+$' });
    expect(arming.body).toEqual({ remaining: 1, mode: 'error', path: '/addresses/\\d+$' });
    expect((await createAddress()).status).toBe(201);
    const read = (id: number) =>
      fetchJson(`${sandbox.url}/prosonata/api/v1/addresses/${id}`, {
        method: 'GET',
        headers: { 'x-api-key': 'k' },
      });
    const [address] = [...sandbox.sandbox.state.prosonata.store.addresses.keys()];
    expect((await read(Number(address))).status).toBe(500);
    expect((await read(Number(address))).status).toBe(200);
    expect((await arm('prosonata', { count: 1, path: '(' })).status).toBe(400);
  });

  it('timeout-after-work: does the work, never answers, and the retry with the same PayPal-Request-Id gets the same subscription', async () => {
    const token = (await (
      await fetch(`${sandbox.url}/paypal/v1/oauth2/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from('id:secret').toString('base64')}` },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      })
    ).json()) as { access_token: string };
    await arm('paypal', { count: 1, mode: 'timeout-after-work' });
    const create = (signal?: AbortSignal) =>
      fetchJson<Subscription>(`${sandbox.url}/paypal/v1/billing/subscriptions`, {
        body: { plan_id: 'P-1' },
        headers: { authorization: `Bearer ${token.access_token}`, 'paypal-request-id': 'evt-7' },
        signal,
      });

    await expect(create(AbortSignal.timeout(300))).rejects.toThrow();
    const paypal: PaypalState = sandbox.sandbox.state.paypal;
    expect(paypal.subscriptions.size).toBe(1);

    const retry = await create();
    expect(retry.status).toBe(201);
    expect(paypal.subscriptions.size).toBe(1);
    expect(retry.body.id).toBe([...paypal.subscriptions.keys()][0]);

    const log = paypal.requests.list().filter((r) => r.path.endsWith('/subscriptions'));
    expect(log.map((r) => [r.fault, r.withheldStatus, r.status])).toEqual([
      ['timeout-after-work', 201, null],
      [undefined, undefined, 201],
    ]);
  });

  it('hang: holds the call open until reset, which drops the connection', async () => {
    await arm('lexoffice', { count: 1, mode: 'hang' });
    const pending = fetch(`${sandbox.url}/lexoffice/v1/invoices`, {
      method: 'POST',
      headers: { authorization: 'Bearer k' },
    });
    await expect.poll(() => sandbox.sandbox.state.lexoffice.faults.heldCount()).toBe(1);
    expect((await fetchJson(`${sandbox.url}/_control/reset`, { method: 'POST' })).status).toBe(200);
    await expect(pending).rejects.toThrow();
    expect(sandbox.sandbox.state.lexoffice.faults.heldCount()).toBe(0);
  });

  it('refuses an unknown mode', async () => {
    expect((await arm('paypal', { count: 1, mode: 'explode' })).status).toBe(400);
  });
});
