/**
 * Contract of the PayPal client with PayPal's REST API: one full flow (token,
 * subscription, webhook verification, the confirmation lookups) is recorded at
 * the PayPal stand-in, and every request body is checked against the schemas
 * restated from PayPal's OpenAPI documents (contracts/paypal-requests.json
 * names the files and commit).
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@campus/logger';
import {
  signPaypalWebhook,
  startSandbox,
  type RecordedRequest,
  type RunningSandbox,
} from '@campus/sandbox';
import { readFixture } from '@campus/testing';
import { createPaypalClient } from './paypal.js';
import { confirmPaypalEvent } from './paypal-confirm.js';
import { createSubscription } from './paypal-subscriptions.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(
  JSON.parse(
    readFileSync(new URL('../contracts/paypal-requests.json', import.meta.url), 'utf8'),
  ) as object,
  'paypal',
);
const problems = (def: string, body: unknown) => {
  const validate = ajv.getSchema(`paypal#/$defs/${def}`)!;
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    logger: createLogger({ name: 'paypal-contract', level: 'silent' }),
    port: 0,
    smtpPort: 0,
  });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.sandbox.reset());

const client = () =>
  createPaypalClient({
    apiUrl: `${sandbox.url}/paypal`,
    clientId: 'sandbox-client-id',
    clientSecret: 'sandbox-client-secret',
  });
const recorded = async () =>
  (await (await fetch(`${sandbox.url}/_control/paypal/requests`)).json()) as RecordedRequest[];

/** A delivery as PayPal makes it: the fixture's bytes (pretty-printed) and their signature. */
function delivery(fixture: string) {
  const rawEvent = readFixture(fixture);
  const headers = signPaypalWebhook({
    privateKeyPem: sandbox.sandbox.state.paypal.certificate.privateKeyPem,
    certUrl: `${sandbox.url}/paypal/certs/sandbox.pem`,
    webhookId: '1JE4291016473214C',
    body: rawEvent,
  });
  return {
    rawEvent,
    verification: {
      authAlgo: headers['PAYPAL-AUTH-ALGO'],
      certUrl: headers['PAYPAL-CERT-URL'],
      transmissionId: headers['PAYPAL-TRANSMISSION-ID'],
      transmissionSig: headers['PAYPAL-TRANSMISSION-SIG'],
      transmissionTime: headers['PAYPAL-TRANSMISSION-TIME'],
      webhookId: '1JE4291016473214C',
      rawEvent,
    },
  };
}

async function rememberAtPaypal(...events: unknown[]) {
  await fetch(`${sandbox.url}/_control/paypal/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
}

describe('the PayPal client, against PayPal’s OpenAPI documents', () => {
  it('sends documented requests through a whole flow', async () => {
    const paypal = client();
    await createSubscription(
      paypal,
      {
        plan_id: 'P-5ML4271244454362WXNWU5NQ',
        subscriber: {
          email_address: 'kunde@example.com',
          name: { given_name: 'Erika', surname: 'Muster' },
        },
        custom_id: 'V-1001',
        application_context: {
          brand_name: 'Campus',
          locale: 'de-DE',
          shipping_preference: 'NO_SHIPPING',
          user_action: 'SUBSCRIBE_NOW',
          return_url: 'https://campus.example/paypal/ok',
          cancel_url: 'https://campus.example/paypal/abbruch',
        },
      },
      { requestId: 'fakturia.CONTRACT_ACTIVATED.abc' },
    );
    const { verification } = delivery('paypal/PAYMENT.SALE.COMPLETED.json');
    expect(await paypal.verifyWebhookSignature(verification)).toBe(true);
    const event = JSON.parse(readFixture('paypal/PAYMENT.SALE.COMPLETED.json')) as {
      id: string;
      resource: { id: string };
    };
    await rememberAtPaypal(event);
    await paypal.getWebhookEvent(event.id);
    await paypal.getSale(event.resource.id);

    const requests = await recorded();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /paypal/v1/oauth2/token',
      'POST /paypal/v1/billing/subscriptions',
      'POST /paypal/v1/notifications/verify-webhook-signature',
      `GET /paypal/v1/notifications/webhooks-events/${event.id}`,
      `GET /paypal/v1/payments/sale/${event.resource.id}`,
    ]);
    const [token, subscription, verify] = requests;
    expect(token!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token!.body).toEqual({ grant_type: 'client_credentials' });
    expect(subscription!.headers['paypal-request-id']).toBe('fakturia.CONTRACT_ACTIVATED.abc');
    expect(problems('subscription_request_post', subscription!.body)).toEqual([]);
    expect(problems('verify_webhook_signature', verify!.body)).toEqual([]);
    for (const request of requests.slice(1))
      expect(request.headers.authorization).toBe('Bearer [redacted]');
  });

  it('fails the check on a field PayPal does not define (the check above can fail)', () => {
    expect(problems('subscription_request_post', { plan_id: 'P-1234', plan_name: 'x' })).toEqual([
      ' must NOT have additional properties',
    ]);
  });
});

describe('verify-webhook-signature with the raw body', () => {
  it('succeeds for the bytes PayPal signed, sent as they arrived', async () => {
    const { verification } = delivery('paypal/PAYMENT.SALE.DENIED.json');
    expect(await client().verifyWebhookSignature(verification)).toBe(true);
  });

  it('fails for the same event parsed and re-serialised', async () => {
    const { verification, rawEvent } = delivery('paypal/PAYMENT.SALE.DENIED.json');
    const reserialised = JSON.stringify(JSON.parse(rawEvent));
    expect(reserialised).not.toBe(rawEvent);
    expect(await client().verifyWebhookSignature({ ...verification, rawEvent: reserialised })).toBe(
      false,
    );
  });
});

describe('confirming a money-moving event with PayPal', () => {
  const completed = () =>
    JSON.parse(readFixture('paypal/PAYMENT.SALE.COMPLETED.json')) as {
      id: string;
      summary: string;
      resource: { amount: { total: string }; custom: string };
    };

  it('confirms the event PayPal sent, whatever its summary says', async () => {
    const event = completed();
    await rememberAtPaypal(event);
    expect(await confirmPaypalEvent(client(), { ...event, summary: 'anything' })).toEqual({
      confirmed: true,
    });
  });

  it('names the fields a forged copy changed', async () => {
    const event = completed();
    await rememberAtPaypal(event);
    const forged = {
      ...event,
      resource: {
        ...event.resource,
        amount: { ...event.resource.amount, total: '0.01' },
        custom: 'V-6666',
      },
    };
    const answer = await confirmPaypalEvent(client(), forged);
    expect(answer).toMatchObject({
      confirmed: false,
      mismatches: ['resource.amount.total', 'resource.custom'],
    });
  });

  it('does not confirm an event PayPal never sent', async () => {
    const answer = await confirmPaypalEvent(client(), {
      id: 'WH-FORGED000000000-00000000000000000',
    });
    expect(answer).toMatchObject({ confirmed: false });
    expect(answer.confirmed === false && answer.reason).toContain('PayPal does not know the event');
  });

  it('confirms a subscription payment failure by its subscription and amount', async () => {
    const event = JSON.parse(readFixture('paypal/BILLING.SUBSCRIPTION.PAYMENT.FAILED.json')) as {
      id: string;
      resource: { id: string };
    };
    await rememberAtPaypal(event);
    expect(await confirmPaypalEvent(client(), event)).toEqual({ confirmed: true });
    const other = { ...event, resource: { ...event.resource, id: 'I-OTHER' } };
    expect(await confirmPaypalEvent(client(), other)).toMatchObject({
      confirmed: false,
      mismatches: ['resource.id'],
    });
  });
});
