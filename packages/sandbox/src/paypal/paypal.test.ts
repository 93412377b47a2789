import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start.js';
import { fetchJson, startTestSandbox } from '../testing/sandbox-fixture.js';
import type { Subscription } from './paypal-state.js';
import { signPaypalWebhook } from './sign-webhook.js';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const subscriptionBody = {
  plan_id: 'P-5ML4271244454362WXNWU5NQ',
  subscriber: {
    email_address: 'kunde@example.com',
    name: { given_name: 'Erika', surname: 'Muster' },
  },
};

describe('PayPal stand-in', () => {
  let sandbox: RunningSandbox;
  let token: string;

  const requestToken = async (authorization?: string, grant = 'grant_type=client_credentials') => {
    const response = await fetch(`${sandbox.url}/paypal/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(authorization ? { authorization } : {}),
      },
      body: grant,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const createSubscription = (requestId?: string, body: unknown = subscriptionBody) =>
    fetchJson<Subscription>(`${sandbox.url}/paypal/v1/billing/subscriptions`, {
      body,
      headers: {
        authorization: `Bearer ${token}`,
        ...(requestId ? { 'paypal-request-id': requestId } : {}),
      },
    });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.sandbox.reset();
    token = String(
      (await requestToken(basic('sandbox-client-id', 'sandbox-client-secret'))).body.access_token,
    );
  });

  it('issues a Bearer token for client credentials', async () => {
    const answer = await requestToken(basic('client', 'secret'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      access_token: expect.stringMatching(/^A21AA/),
      token_type: 'Bearer',
      expires_in: 32400,
      app_id: expect.any(String),
      nonce: expect.any(String),
      scope: expect.stringContaining('subscriptions'),
    });
  });

  it('refuses a token without Basic credentials (401), or with another grant type or no form body (400)', async () => {
    expect((await requestToken()).status).toBe(401);
    expect((await requestToken(basic('client', 'secret'), 'grant_type=password')).status).toBe(400);
    const json = await fetchJson(`${sandbox.url}/paypal/v1/oauth2/token`, {
      headers: { authorization: basic('client', 'secret') },
      body: { grant_type: 'client_credentials' },
    });
    expect(json.status).toBe(400);
  });

  it('refuses API calls without a current token', async () => {
    token = 'not-a-token';
    const answer = await createSubscription();
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'invalid_token' });
  });

  it('creates a subscription awaiting approval, with approve and self links', async () => {
    const answer = await createSubscription('evt-1');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      id: expect.stringMatching(/^I-[A-Z0-9]{12}$/),
      status: 'APPROVAL_PENDING',
      plan_id: subscriptionBody.plan_id,
      create_time: expect.any(String),
    });
    const approve = answer.body.links.find((l) => l.rel === 'approve');
    expect(approve).toMatchObject({
      method: 'GET',
      href: expect.stringContaining(`${sandbox.url}/paypal/approve/`),
    });
    expect(answer.body.links.find((l) => l.rel === 'self')?.href).toBe(
      `${sandbox.url}/paypal/v1/billing/subscriptions/${answer.body.id}`,
    );

    const shown = await fetchJson<Subscription>(
      `${sandbox.url}/paypal/v1/billing/subscriptions/${answer.body.id}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(shown.body).toEqual(answer.body);

    await fetch(approve!.href);
    expect(sandbox.sandbox.state.paypal.subscriptions.get(answer.body.id)?.status).toBe('ACTIVE');
  });

  it('answers a repeated PayPal-Request-Id with the same subscription and creates no second one', async () => {
    const first = await createSubscription('campus:evt-42');
    const again = await createSubscription('campus:evt-42');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const stored = await fetchJson<Subscription[]>(`${sandbox.url}/_control/paypal/subscriptions`);
    expect(stored.body.map((s) => s.id)).toEqual([first.body.id]);

    const other = await createSubscription('campus:evt-43');
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('answers 400 without plan_id and 404 for an unknown subscription', async () => {
    const invalid = await createSubscription(undefined, { subscriber: {} });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ name: 'INVALID_REQUEST' });
    const unknown = await fetchJson(`${sandbox.url}/paypal/v1/billing/subscriptions/I-UNKNOWN`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ name: 'RESOURCE_NOT_FOUND' });
  });

  describe('verify-webhook-signature', () => {
    // Pretty-printed, as a sender's bytes may be: JSON.stringify of the parsed event differs.
    const rawEvent = JSON.stringify(
      {
        id: 'WH-1',
        event_type: 'PAYMENT.SALE.COMPLETED',
        resource: { id: 'S-1', amount: { total: '10.00' } },
      },
      null,
      2,
    );
    const sign = (body: string) =>
      signPaypalWebhook({
        privateKeyPem: sandbox.sandbox.state.paypal.certificate.privateKeyPem,
        certUrl: `${sandbox.url}/paypal/certs/sandbox.pem`,
        webhookId: 'WHTEST',
        body,
      });
    const verify = async (eventText: string, headers = sign(rawEvent), webhookId = 'WHTEST') => {
      const fields = JSON.stringify({
        auth_algo: headers['PAYPAL-AUTH-ALGO'],
        cert_url: headers['PAYPAL-CERT-URL'],
        transmission_id: headers['PAYPAL-TRANSMISSION-ID'],
        transmission_sig: headers['PAYPAL-TRANSMISSION-SIG'],
        transmission_time: headers['PAYPAL-TRANSMISSION-TIME'],
        webhook_id: webhookId,
      });
      const response = await fetch(
        `${sandbox.url}/paypal/v1/notifications/verify-webhook-signature`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: `${fields.slice(0, -1)},"webhook_event":${eventText}}`,
        },
      );
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    it('answers SUCCESS for the event bytes that were signed', async () => {
      expect((await verify(rawEvent)).body).toEqual({ verification_status: 'SUCCESS' });
    });

    it('answers FAILURE for the same event parsed and re-serialised, as PayPal does', async () => {
      const reserialised = JSON.stringify(JSON.parse(rawEvent));
      expect((await verify(reserialised)).body).toEqual({ verification_status: 'FAILURE' });
    });

    it('answers FAILURE for a changed event and for another webhook id', async () => {
      expect((await verify(rawEvent.replace('10.00', '1.00'))).body).toEqual({
        verification_status: 'FAILURE',
      });
      expect((await verify(rawEvent, sign(rawEvent), 'WHOTHER')).body).toEqual({
        verification_status: 'FAILURE',
      });
    });

    it('answers 400 VALIDATION_ERROR naming each missing field', async () => {
      const response = await fetchJson(
        `${sandbox.url}/paypal/v1/notifications/verify-webhook-signature`,
        { headers: { authorization: `Bearer ${token}` }, body: { auth_algo: 'SHA256withRSA' } },
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ name: 'VALIDATION_ERROR' });
      const fields = (response.body as { details: { field: string }[] }).details.map(
        (d) => d.field,
      );
      expect(fields).toEqual(
        expect.arrayContaining(['cert_url', 'transmission_id', 'webhook_id', 'webhook_event']),
      );
    });
  });

  describe('the events it sent, for confirmation', () => {
    const event = {
      id: 'WH-LOOKUP-1',
      event_type: 'PAYMENT.SALE.COMPLETED',
      resource_type: 'sale',
      resource: { id: 'SALE-1', state: 'completed', amount: { total: '10.00', currency: 'EUR' } },
    };

    it('serves an event and its sale by id once PayPal knows them, 404 RESOURCE_NOT_FOUND before', async () => {
      const auth = { authorization: `Bearer ${token}` };
      const eventUrl = `${sandbox.url}/paypal/v1/notifications/webhooks-events/WH-LOOKUP-1`;
      const saleUrl = `${sandbox.url}/paypal/v1/payments/sale/SALE-1`;
      const unknown = await fetchJson(eventUrl, { headers: auth });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ name: 'RESOURCE_NOT_FOUND' });
      await fetchJson(`${sandbox.url}/_control/paypal/events`, { body: { events: [event] } });
      expect((await fetchJson(eventUrl, { headers: auth })).body).toEqual(event);
      expect((await fetchJson(saleUrl, { headers: auth })).body).toEqual(event.resource);
    });

    it('requires a bearer token', async () => {
      const response = await fetch(`${sandbox.url}/paypal/v1/notifications/webhooks-events/WH-X`);
      expect(response.status).toBe(401);
    });
  });

  it("signs with a certificate named like PayPal's, issued by the sandbox CA", async () => {
    const { X509Certificate } = await import('node:crypto');
    const { SANDBOX_SECRETS } = await import('@campus/config');
    const pem = await (await fetch(`${sandbox.url}/paypal/certs/sandbox.pem`)).text();
    const certificate = new X509Certificate(pem);
    expect(certificate.subject).toContain('CN=messageverificationcerts.sandbox.paypal.com');
    expect(certificate.checkIssued(new X509Certificate(SANDBOX_SECRETS.PAYPAL_CERT_TEST_CA))).toBe(
      true,
    );
  });
});
