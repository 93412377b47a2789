/**
 * Contract of the ProSonata client with ProSonata's address API, as its
 * documentation states it (the seed `prosonata-addresses-api.txt`, copied to
 * packages/clients/contracts/prosonata-addresses.json): one full flow is
 * recorded at the stand-in and every request is compared with what the
 * documentation allows.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@campus/logger';
import { createProducerConnection, waitUntilReady } from '@campus/queues';
import { startSandbox, type RecordedRequest, type RunningSandbox } from '@campus/sandbox';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { createProsonataClient } from './prosonata.js';
import type { ProsonataAddressFields } from './prosonata-address.js';
import { createProsonataQuota } from './prosonata-quota.js';

const contract = JSON.parse(
  readFileSync(new URL('../contracts/prosonata-addresses.json', import.meta.url), 'utf8'),
) as { writable: string[]; required: string[]; filters: string[]; orderBy: string[] };

let redis: TestRedis;
let connection: ReturnType<typeof createProducerConnection>;
let sandbox: RunningSandbox;

beforeAll(async () => {
  redis = await startTestRedis();
  connection = createProducerConnection(redis.url);
  await waitUntilReady(connection, 5_000);
  sandbox = await startSandbox({
    logger: createLogger({ name: 'prosonata-contract', level: 'silent' }),
    port: 0,
    smtpPort: 0,
  });
});
afterAll(async () => {
  await sandbox.close();
  connection.disconnect();
  await redis.close();
});
beforeEach(() => sandbox.sandbox.reset());

const client = () =>
  createProsonataClient({
    apiUrl: `${sandbox.url}/prosonata`,
    apiKey: 'contract-key',
    quota: createProsonataQuota(connection, `contract${Math.random()}`),
  });

const recorded = async () =>
  (await (await fetch(`${sandbox.url}/_control/prosonata/requests`)).json()) as RecordedRequest[];

/** What the documentation does not allow in one request; empty when it keeps to the contract. */
function breaches(request: RecordedRequest): string[] {
  const problems: string[] = [];
  if (request.headers['x-api-key'] !== '[redacted]') problems.push('no X-API-Key');
  for (const name of request.undocumented ?? []) problems.push(`undocumented parameter ${name}`);
  if (request.method === 'POST' || request.method === 'PUT') {
    const body = request.body as Record<string, unknown>;
    for (const name of Object.keys(body))
      if (!contract.writable.includes(name)) problems.push(`body parameter ${name}`);
    if (request.method === 'POST')
      for (const name of contract.required)
        if (body[name] === undefined) problems.push(`missing ${name}`);
  }
  if (request.method === 'GET') {
    for (const [name, value] of Object.entries(request.query)) {
      if (name === 'page' || name === 'perPage') continue;
      if (name === 'orderBy') {
        const field = String(value).split(/\s+/)[0]!;
        if (!contract.orderBy.includes(field)) problems.push(`orderBy ${field}`);
      } else if (!contract.filters.includes(name)) problems.push(`filter ${name}`);
    }
  }
  return problems;
}

describe('the ProSonata client, against the documented address API', () => {
  it('sends only documented parameters through a whole customer flow', async () => {
    const prosonata = client();
    const created = await prosonata.createAddress({
      customerID: 3,
      name1: 'Neu GmbH',
      street: 'Hafenstraße',
      streetNo: '1',
      postalCode: '24103',
      city: 'Kiel',
      country: 'DE',
      companyEmail: 'info@neu.example',
      comments: 'campus:fakturia:K1',
    });
    await prosonata.findAddressesByMarker('campus:fakturia:K1');
    await prosonata.updateAddress(created.addressID, { customerID: 1, city: 'Lübeck' });
    await prosonata.getAddress(created.addressID);
    await prosonata.updateAddress(created.addressID, { addressActive: 0 });

    const requests = await recorded();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /prosonata/api/v1/addresses',
      'GET /prosonata/api/v1/addresses',
      `PUT /prosonata/api/v1/addresses/${created.addressID}`,
      `GET /prosonata/api/v1/addresses/${created.addressID}`,
      `PUT /prosonata/api/v1/addresses/${created.addressID}`,
    ]);
    expect(requests.map(breaches)).toEqual(requests.map(() => []));
  });

  it('fails on a parameter the documentation does not name (the check above can fail)', async () => {
    const undocumented = { customerID: 1, city: 'Kiel', companyStatus: 2 };
    await client().createAddress(undocumented as ProsonataAddressFields);
    const [post] = await recorded();
    expect(breaches(post!)).toEqual([
      'undocumented parameter companyStatus',
      'body parameter companyStatus',
    ]);
  });

  it('never takes the address of K10 for K1, even when the search is not exact', async () => {
    await fetch(`${sandbox.url}/_control/prosonata/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'contains' }),
    });
    const prosonata = client();
    const k10 = await prosonata.createAddress({
      customerID: 1,
      city: 'Köln',
      comments: 'campus:fakturia:K10',
    });
    expect(await prosonata.findAddressesByMarker('campus:fakturia:K1')).toEqual([]);
    // The search itself does find K10's address: only the exact check keeps it out.
    const searched = await prosonata.listAddresses({ comments: 'campus:fakturia:K1' });
    expect(searched.addresses.map((a) => a.addressID)).toEqual([k10.addressID]);
    const k1 = await prosonata.createAddress({
      customerID: 1,
      city: 'Bonn',
      comments: 'campus:fakturia:K1',
    });
    const found = await prosonata.findAddressesByMarker('campus:fakturia:K1');
    expect(found.map((a) => a.addressID)).toEqual([k1.addressID]);
  });
});
