/**
 * `npm run send -- <fixture> [--webhook-id msg_x] [--receiver http://127.0.0.1:3000]`
 * Signs a fixture the way its real sender would and posts it to the running
 * receiver, then prints the answer. The source comes from the fixture's folder
 * (fakturia/, plenigo/, paypal/, campus/) or --source. PayPal events go through
 * the sandbox's webhook simulator, which signs them with its certificate.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { exitOnConfigError, loadConfig } from '@campus/config';
import { isSource } from '@campus/events';
import { senderHeaders, senderQuery } from '@campus/webhook-auth';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    'webhook-id': { type: 'string' },
    receiver: {
      type: 'string',
      default: process.env.RECEIVER_URL ?? `http://127.0.0.1:${process.env.RECEIVER_PORT ?? 3000}`,
    },
    sandbox: {
      type: 'string',
      default: process.env.SANDBOX_URL ?? `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 4010}`,
    },
  },
});

const file = positionals[0];
if (!file) {
  process.stderr.write(
    'Usage: npm run send -- fixtures/<source>/<file> [--source fakturia|plenigo|paypal|campus] [--webhook-id msg_…]\n',
  );
  process.exit(2);
}
const source = values.source ?? basename(dirname(file));
if (!isSource(source)) {
  process.stderr.write(
    `Cannot tell the sender of ${file}: put it under fixtures/<source>/ or pass --source.\n`,
  );
  process.exit(2);
}
const rawBody = readFileSync(file, 'utf8');
const config = (await exitOnConfigError('send', () => loadConfig(['receiver']))).receiver;
const target = `${values.receiver}/webhooks/${source}`;

let status: number;
let answer: string;
if (source === 'paypal') {
  const response = await fetch(`${values.sandbox}/paypal/simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ target, webhookId: config.paypalWebhookId, rawBody }),
  });
  const result = (await response.json()) as { status?: number; body?: unknown; error?: string };
  status = result.status ?? response.status;
  answer = typeof result.body === 'string' ? result.body : JSON.stringify(result.body ?? result);
} else {
  const credentials = {
    fakturiaToken: config.fakturiaToken,
    plenigoSecret: config.plenigoSecrets?.[0],
    campusSecret: config.campusSecret,
  };
  const headers = senderHeaders(source, rawBody, credentials, { webhookId: values['webhook-id'] });
  const url = `${target}${senderQuery(source, credentials)}`;
  const response = await fetch(url, { method: 'POST', headers, body: rawBody });
  status = response.status;
  answer = await response.text();
}
process.stdout.write(`${source} ${basename(file)} → ${target}\n${status} ${answer}\n`);
process.exit(status < 300 ? 0 : 1);
