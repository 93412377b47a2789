import { readFileSync } from 'node:fs';
import { generate } from 'selfsigned';
import type { Source } from '@campus/events';
import { senderHeaders, senderQuery, type SenderCredentials } from '@campus/webhook-auth';

export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));

/**
 * A realistic mix of unique, correctly signed webhooks: 40 % Fakturia, 25 %
 * plenigo, 15 % PayPal, 20 % website forms. Signed in advance so that the
 * load generator's own crypto (RSA for PayPal) does not limit the run.
 */
export async function prepareWorkload(
  count: number,
  credentials: Omit<SenderCredentials, 'paypal'>,
  certUrl: string,
) {
  const pems = await generate([{ name: 'commonName', value: 'bench.paypal.test' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const creds: SenderCredentials = {
    ...credentials,
    paypal: { webhookId: 'WH-BENCH', privateKeyPem: pems.private, certUrl },
  };
  const dunning = fixture('fakturia/DUNNING_CREATED.json');
  const invoice = fixture('fakturia/INVOICE_CREATED.json');
  const plenigo = fixture('plenigo/invoice-creation.json');
  const sale = fixture('paypal/PAYMENT.SALE.COMPLETED.json');
  const angebot = fixture('campus/form.b2b.angebot.submit.json');
  const requests: PreparedRequest[] = [];
  const run = Date.now().toString(36);
  for (let i = 0; i < count; i++) {
    const slot = i % 20;
    let source: Source;
    let body: unknown;
    if (slot < 8) {
      source = 'fakturia';
      const base = slot % 2 === 0 ? dunning : invoice;
      body = { ...base, triggerDate: `2024-05-22T07:00:03.${run}${i}` };
    } else if (slot < 13) {
      source = 'plenigo';
      body = { ...plenigo, entityId: `${run}-${i}` };
    } else if (slot < 16) {
      source = 'paypal';
      body = { ...sale, id: `WH-${run}-${i}` };
    } else {
      source = 'campus';
      body = angebot;
    }
    const raw = JSON.stringify(body);
    requests.push({
      path: `/webhooks/${source}${senderQuery(source, creds)}`,
      headers: senderHeaders(source, raw, creds, { webhookId: `msg_${run}_${i}` }),
      body: raw,
    });
  }
  return { requests, certPem: pems.cert };
}
