import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '@campus/testing';
import { readPaypalTransmission, verifyPaypalSignature } from '@campus/webhook-auth';
import type { RunningSandbox } from '../start.js';
import { fetchJson, startTestSandbox } from '../testing/sandbox-fixture.js';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

describe('PayPal webhook simulator', () => {
  let sandbox: RunningSandbox;
  let receiver: Server;
  let target: string;
  const deliveries: Delivery[] = [];

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/paypal`;
  });
  afterAll(async () => {
    await sandbox.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('posts a PayPal-signed event that verifies against the served certificate', async () => {
    const event = JSON.parse(readFixture('paypal/PAYMENT.SALE.COMPLETED.json')) as unknown;
    const answer = await fetchJson<{ status: number; body: unknown; transmissionId: string }>(
      `${sandbox.url}/paypal/simulate`,
      { body: { target, webhookId: 'WH-SANDBOX-0000000000', event } },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 202, body: { accepted: true } });

    const delivery = deliveries.at(-1)!;
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['paypal-auth-algo']).toBe('SHA256withRSA');
    expect(delivery.headers['paypal-transmission-id']).toBe(answer.body.transmissionId);
    const transmission = readPaypalTransmission(delivery.headers);
    expect(transmission?.certUrl).toBe(`${sandbox.url}/paypal/certs/sandbox.pem`);

    const certificate = await (await fetch(transmission!.certUrl)).text();
    expect(certificate).toContain('BEGIN CERTIFICATE');
    expect(
      verifyPaypalSignature(
        certificate,
        transmission!,
        'WH-SANDBOX-0000000000',
        delivery.body,
        new Date(),
      ),
    ).toBe(true);
    expect(
      verifyPaypalSignature(certificate, transmission!, 'WH-OTHER', delivery.body, new Date()),
    ).toBe(false);
    expect(
      verifyPaypalSignature(
        certificate,
        transmission!,
        'WH-SANDBOX-0000000000',
        `${delivery.body} `,
        new Date(),
      ),
    ).toBe(false);
  });

  it('answers 502 when the target cannot be reached', async () => {
    const answer = await fetchJson(`${sandbox.url}/paypal/simulate`, {
      body: { target: 'http://127.0.0.1:1/webhooks/paypal', event: { id: 'WH-1' } },
    });
    expect(answer.status).toBe(502);
  });

  it('answers 400 without a target URL or an event', async () => {
    expect(
      (await fetchJson(`${sandbox.url}/paypal/simulate`, { body: { event: {} } })).status,
    ).toBe(400);
    expect((await fetchJson(`${sandbox.url}/paypal/simulate`, { body: { target } })).status).toBe(
      400,
    );
  });
});
