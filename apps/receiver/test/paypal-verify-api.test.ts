/**
 * PAYPAL_VERIFY_MODE=api: the receiver asks PayPal's verify-webhook-signature
 * API (here the PayPal stand-in, which judges the bytes it is sent) with the
 * body exactly as it arrived.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPaypalClient } from '@campus/clients';
import { createLogger } from '@campus/logger';
import { signPaypalWebhook, startSandbox, type RunningSandbox } from '@campus/sandbox';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { startReceiver, totalJobs, type ReceiverUnderTest } from './harness.js';

let redis: TestRedis;
let sandbox: RunningSandbox;
let receiver: ReceiverUnderTest;

beforeAll(async () => {
  redis = await startTestRedis();
  sandbox = await startSandbox({
    logger: createLogger({ name: 'paypal-api', level: 'silent' }),
    port: 0,
    smtpPort: 0,
  });
  const paypalClient = createPaypalClient({
    apiUrl: `${sandbox.url}/paypal`,
    clientId: 'sandbox-client-id',
    clientSecret: 'sandbox-client-secret',
  });
  receiver = await startReceiver(
    redis,
    { PAYPAL_CERT_URL_ALLOW: `${sandbox.url}/paypal/certs/` },
    undefined,
    { paypalClient },
  );
});
afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
  await redis?.close();
});

beforeEach(async () => {
  await receiver.inspect.flushall();
});

const signed = (body: string) => {
  const headers = signPaypalWebhook({
    privateKeyPem: sandbox.sandbox.state.paypal.certificate.privateKeyPem,
    certUrl: `${sandbox.url}/paypal/certs/sandbox.pem`,
    webhookId: 'WH-TEST-1',
    body,
    transmissionTime: new Date(receiver.clock.now).toISOString(),
  });
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
};

describe('PayPal verified by its API', () => {
  it('accepts a pretty-printed delivery: the API gets the very bytes PayPal signed', async () => {
    const body = readFixture('paypal/PAYMENT.SALE.COMPLETED.json');
    expect(body).toContain('\n  ');
    const response = await receiver.post('paypal', body, { headers: signed(body), sign: false });
    expect(response.status).toBe(202);
    const verify = (
      (await (await fetch(`${sandbox.url}/_control/paypal/requests`)).json()) as {
        path: string;
      }[]
    ).filter((r) => r.path.endsWith('/verify-webhook-signature'));
    expect(verify).toHaveLength(1);
  });

  it('refuses a body changed after signing', async () => {
    const body = readFixture('paypal/PAYMENT.SALE.DENIED.json');
    const changed = body.replace('100.00', '1.00');
    const response = await receiver.post('paypal', changed, { headers: signed(body), sign: false });
    expect(response.status).toBe(401);
    expect(await totalJobs(receiver)).toBe(0);
  });
});
