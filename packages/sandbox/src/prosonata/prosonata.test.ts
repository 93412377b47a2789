import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start.js';
import { fetchJson, ManualClock, startTestSandbox } from '../testing/sandbox-fixture.js';
import type { Address } from './address-fields.js';

interface Meta {
  status: number;
  page?: number;
  perPage?: number;
  totalCount?: number;
  apiLimitRemaining: number;
  apiLimitReset: number;
}
interface Answer<T = Address> {
  meta: Meta;
  data: T;
  message?: string;
}

describe('ProSonata stand-in', () => {
  const clock = new ManualClock();
  let sandbox: RunningSandbox;
  const api = <T = Address>(
    path: string,
    init: { method?: string; body?: unknown; key?: string | null } = {},
  ) =>
    fetchJson<Answer<T>>(`${sandbox.url}/prosonata/api/v1${path}`, {
      method: init.method,
      body: init.body,
      headers: init.key === null ? {} : { 'x-api-key': init.key ?? 'ps-key' },
    });
  const control = (path: string, body?: unknown) =>
    fetchJson(`${sandbox.url}/_control/prosonata${path}`, { body });

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      clock,
      prosonata: { quotaLimit: 100, quotaWindowSeconds: 900 },
    });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.sandbox.reset();
  });

  it('creates, reads and updates an address, with meta on every answer', async () => {
    const created = await api('/addresses', {
      body: {
        customerID: 2,
        name1: 'ABC Versicherung AG',
        street: 'Unfallstraße',
        streetNo: 23,
        postalCode: '12345',
        city: 'Hamburg',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.meta).toMatchObject({
      status: 201,
      apiLimitRemaining: 99,
      apiLimitReset: 900,
    });
    const id = created.body.data.addressID;
    expect(created.body.data).toMatchObject({
      customerID: 2,
      customerName: 'Campus Firmenkunden',
      companyStatus: 0,
      name1: 'ABC Versicherung AG',
      city: 'Hamburg',
      addressActive: 1,
      fibuAccountNo: 10000 + id,
      contactsAssigned: [],
    });

    clock.advance(60_000);
    const read = await api(`/addresses/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.meta).toMatchObject({
      status: 200,
      apiLimitRemaining: 98,
      apiLimitReset: 840,
    });
    expect(read.body.data).toEqual(created.body.data);

    const updated = await api(`/addresses/${id}`, {
      method: 'PUT',
      body: { city: 'Bremen', customerID: 3 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({
      city: 'Bremen',
      name1: 'ABC Versicherung AG',
      customerName: 'Campus Interessenten',
      companyStatus: 2,
    });
    expect((await control('/addresses')).body).toEqual([updated.body.data]);
  });

  it('ignores parameters the documentation does not name, and names them in its request log', async () => {
    const created = await api('/addresses', {
      body: {
        customerID: 1,
        name1: 'Erika Muster',
        city: 'Köln',
        companyStatus: 2,
        addressTags: 'x',
      },
    });
    expect(created.status).toBe(201);
    // The group decides the status; the undocumented parameter changed nothing.
    expect(created.body.data).toMatchObject({ customerID: 1, companyStatus: 0, addressTags: '' });
    const put = await api(`/addresses/${created.body.data.addressID}`, {
      method: 'PUT',
      body: { city: 'Bonn', companyStatus: 2 },
    });
    expect(put.body.data).toMatchObject({ city: 'Bonn', companyStatus: 0 });
    const log = (await control('/requests')).body as { method: string; undocumented?: string[] }[];
    expect(log.filter((r) => r.method !== 'GET').map((r) => r.undocumented)).toEqual([
      ['companyStatus', 'addressTags'],
      ['companyStatus'],
    ]);
  });

  it('files a prospect by its customer group: the group carries the status Interessent', async () => {
    const prospect = await api('/addresses', {
      body: { customerID: 3, name1: 'Neu GmbH', city: 'Kiel' },
    });
    expect(prospect.body.data).toMatchObject({
      customerName: 'Campus Interessenten',
      companyStatus: 2,
    });
    const log = (await control('/requests')).body as { undocumented?: string[] }[];
    expect(log.every((r) => r.undocumented === undefined)).toBe(true);
  });

  it('answers 404 for an unknown address, on GET and PUT', async () => {
    const read = await api('/addresses/999');
    expect(read.status).toBe(404);
    expect(read.body.meta.status).toBe(404);
    expect((await api('/addresses/999', { method: 'PUT', body: { city: 'Köln' } })).status).toBe(
      404,
    );
  });

  it('answers 409 when the customer group does not exist, and 201 once it does', async () => {
    const address = { customerID: 42, name1: 'Neu GmbH', city: 'Köln' };
    const missing = await api('/addresses', { body: address });
    expect(missing.status).toBe(409);
    expect(missing.body.meta.status).toBe(409);

    await control('/customers', {
      customers: [{ customerID: 42, customerName: 'Neu', companyStatus: 0 }],
    });
    expect((await api('/addresses', { body: address })).status).toBe(201);
    expect((await api('/addresses/1', { method: 'PUT', body: { customerID: 77 } })).status).toBe(
      409,
    );
  });

  it('answers 400 when city or customerID is missing', async () => {
    expect((await api('/addresses', { body: { customerID: 1, name1: 'Ohne Stadt' } })).status).toBe(
      400,
    );
    expect((await api('/addresses', { body: { name1: 'Ohne Gruppe', city: 'Köln' } })).status).toBe(
      400,
    );
  });

  it('answers 401 without X-API-Key and counts no quota for it', async () => {
    const answer = await api('/addresses', { key: null });
    expect(answer.status).toBe(401);
    expect(answer.body.meta.apiLimitRemaining).toBe(100);
  });

  it('lists with filters, orderBy and pagination', async () => {
    await control('/addresses', {
      addresses: [
        { customerID: 1, name1: 'Anton', city: 'Berlin', postalCode: '10115' },
        { customerID: 1, name1: 'Berta', city: 'Berlin', postalCode: '10117', addressActive: 0 },
        { customerID: 2, name1: 'Carla', city: 'Berlin', postalCode: '10119' },
        { customerID: 1, name1: 'Dora', city: 'München', postalCode: '80331' },
      ],
    });
    const names = (answer: { body: Answer<Address[]> }) => answer.body.data.map((a) => a.name1);

    const berlin = await api<Address[]>('/addresses?city=berlin&orderBy=name1%20DESC');
    expect(names(berlin)).toEqual(['Carla', 'Berta', 'Anton']);
    expect(berlin.body.meta).toMatchObject({ status: 200, page: 1, perPage: 100, totalCount: 3 });

    expect(names(await api<Address[]>('/addresses?customerID=1&addressActive=1'))).toEqual([
      'Anton',
      'Dora',
    ]);
    expect(names(await api<Address[]>('/addresses?name1=Dora'))).toEqual(['Dora']);
    expect(
      names(await api<Address[]>('/addresses?companyStatus=0&customerName=Campus%20Firmenkunden')),
    ).toEqual(['Carla']);

    const page2 = await api<Address[]>('/addresses?orderBy=postalCode&perPage=3&page=2');
    expect(names(page2)).toEqual(['Dora']);
    expect(page2.body.meta).toMatchObject({ page: 2, perPage: 3, totalCount: 4 });

    expect((await api('/addresses?orderBy=street')).status).toBe(400);
  });

  it('answers 429 with apiLimitRemaining 0 and the seconds to the reset once the quota is spent', async () => {
    await control('/quota', { limit: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i += 1) expect((await api<Address[]>('/addresses')).status).toBe(200);
    clock.advance(15_000);

    const limited = await api('/addresses');
    expect(limited.status).toBe(429);
    expect(limited.body.meta).toMatchObject({
      status: 429,
      apiLimitRemaining: 0,
      apiLimitReset: 45,
    });

    clock.advance(45_000);
    const next = await api<Address[]>('/addresses');
    expect(next.status).toBe(200);
    expect(next.body.meta).toMatchObject({ apiLimitRemaining: 2, apiLimitReset: 60 });
  });
});
