import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { retryAdviceOf } from '@campus/errors';
import { createLogger } from '@campus/logger';
import {
  sandboxControl,
  startSandbox,
  type RecordedRequest,
  type RunningSandbox,
} from '@campus/sandbox';
import { UpstreamError, UpstreamRateLimitError, UpstreamRejectedError } from './errors.js';
import { createPaypalClient } from './paypal.js';
import { createSubscription, type PaypalSubscriptionRequest } from './paypal-subscriptions.js';

const body: PaypalSubscriptionRequest = {
  plan_id: 'P-SANDBOX-KURS-PM-ABO',
  subscriber: {
    email_address: 'kunde@example.com',
    name: { given_name: 'Erika', surname: 'Mustermann' },
  },
  custom_id: 'V-1001',
};

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    logger: createLogger({ name: 'paypal-subscriptions-test', level: 'silent' }),
    port: 0,
    smtpPort: 0,
  });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await control('POST', '/reset');
});

const control = <T = unknown>(method: string, path: string, payload?: unknown) =>
  sandboxControl(sandbox.url).control<T>(method, path, payload);

const paypalClient = (timeoutMs = 10_000) =>
  createPaypalClient({
    apiUrl: `${sandbox.url}/paypal`,
    clientId: 'sandbox-client-id',
    clientSecret: 'sandbox-client-secret',
    timeoutMs,
  });

const subscriptionRequests = async () =>
  (await control<RecordedRequest[]>('GET', '/paypal/requests')).filter(
    (r) => r.path === '/paypal/v1/billing/subscriptions',
  );

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('createSubscription', () => {
  it('creates a subscription pending approval, sending the request id as PayPal-Request-Id', async () => {
    const created = await createSubscription(paypalClient(), body, { requestId: 'fakturia.abc' });

    expect(created).toEqual({
      id: expect.stringMatching(/^I-/),
      status: 'APPROVAL_PENDING',
      approveUrl: expect.stringContaining(`/paypal/approve/${created.id}`),
    });
    const [request] = await subscriptionRequests();
    expect(request?.headers['paypal-request-id']).toBe('fakturia.abc');
    expect(request?.body).toEqual(body);
  });

  it('returns the same subscription for a repeated request id and creates no second one', async () => {
    const paypal = paypalClient();
    const first = await createSubscription(paypal, body, { requestId: 'fakturia.same' });
    const again = await createSubscription(paypal, body, { requestId: 'fakturia.same' });

    expect(again).toEqual(first);
    expect(await control<unknown[]>('GET', '/paypal/subscriptions')).toHaveLength(1);
  });

  it('survives a timeout after PayPal did the work: the retry gets the one subscription', async () => {
    const paypal = paypalClient(2_000);
    await paypal.accessToken(); // the fault knob must hit the subscription call, not the token
    await control('POST', '/paypal/fail', { count: 1, mode: 'timeout-after-work' });

    const timeout = await rejectionOf(
      createSubscription(paypal, body, { requestId: 'fakturia.slow' }),
    );
    expect(timeout).toBeInstanceOf(UpstreamError);
    expect(timeout).not.toBeInstanceOf(UpstreamRejectedError);
    const created = await createSubscription(paypal, body, { requestId: 'fakturia.slow' });

    const stored = await control<{ id: string }[]>('GET', '/paypal/subscriptions');
    expect(stored.map((s) => s.id)).toEqual([created.id]);
  });

  it('asks for one token for many calls', async () => {
    const paypal = paypalClient();
    for (const id of ['a', 'b', 'c'])
      await createSubscription(paypal, body, { requestId: `fakturia.${id}` });

    const requests = await control<RecordedRequest[]>('GET', '/paypal/requests');
    expect(requests.filter((r) => r.path === '/paypal/v1/oauth2/token')).toHaveLength(1);
  });

  it('renews a revoked token and still creates the subscription', async () => {
    const paypal = paypalClient();
    await paypal.accessToken();
    await control('POST', '/paypal/expire-tokens');

    const created = await createSubscription(paypal, body, { requestId: 'fakturia.renew' });

    expect(created.status).toBe('APPROVAL_PENDING');
    const requests = await control<RecordedRequest[]>('GET', '/paypal/requests');
    expect(requests.filter((r) => r.path === '/paypal/v1/oauth2/token')).toHaveLength(2);
  });

  it('rejects an invalid request for good (4xx: not retryable)', async () => {
    const error = await rejectionOf(
      createSubscription(paypalClient(), { ...body, plan_id: '' }, { requestId: 'fakturia.bad' }),
    );
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({ status: 400 });
    expect(retryAdviceOf(error)).toEqual({ retry: 'never' });
    expect((error as Error).message).toContain('paypal answered 400');
  });

  it('reports a 5xx as a retryable upstream error', async () => {
    const paypal = paypalClient();
    await paypal.accessToken();
    await control('POST', '/paypal/fail', { count: 1, mode: 'error' });

    const error = await rejectionOf(
      createSubscription(paypal, body, { requestId: 'fakturia.5xx' }),
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).not.toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({ status: 500 });
  });

  it('turns 503 with Retry-After into a wait that uses no attempt', async () => {
    // The sandbox has no 503 knob; a bare HTTP server plays a PayPal under maintenance.
    const busy: Server = createServer((req, res) => {
      if (req.url === '/v1/oauth2/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'A21AA-busy', expires_in: 32400 }));
        return;
      }
      res.writeHead(503, { 'retry-after': '7', 'content-type': 'application/json' });
      res.end(JSON.stringify({ name: 'SERVICE_UNAVAILABLE' }));
    });
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = busy.address() as AddressInfo;
      const paypal = createPaypalClient({
        apiUrl: `http://127.0.0.1:${port}`,
        clientId: 'id',
        clientSecret: 'secret',
      });
      const error = await rejectionOf(createSubscription(paypal, body, { requestId: 'x' }));
      expect(error).toBeInstanceOf(UpstreamRateLimitError);
      expect(error).toMatchObject({ status: 503, retryAfterMs: 7_000 });
      expect(retryAdviceOf(error)).toEqual({ retry: 'after', ms: 7_000 });
    } finally {
      busy.closeAllConnections();
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });
});
