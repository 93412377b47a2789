import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakturiaClient, UpstreamRejectedError } from '@campus/clients';
import { NEVER_RETRY, retryAdviceOf } from '@campus/errors';
import { createLogger } from '@campus/logger';
import { startSandbox, type RunningSandbox } from '@campus/sandbox';
import { startTestRedis, type TestRedis } from '@campus/testing';
import {
  createCustomerDirectory,
  createCustomerResolver,
  CustomerUnknownAtFakturiaError,
  type CustomerResolverDeps,
} from './index.js';

const KEY = 'resolver-test-key';
let server: TestRedis;
let redis: Redis;
let sandbox: RunningSandbox;
let prefix = 'cr0';
let testNo = 0;

const holger = {
  customerNumber: 'K1234',
  salutation: 'MR',
  firstName: 'Holger',
  lastName: 'Tester',
  companyName: null,
  email: 'mail@example.net',
  postalAddress: null,
  billingAddress: {
    addressLine1: 'Teststraße 1',
    addressLine2: null,
    zipCode: '12345',
    cityName: 'Testhausen',
    country: 'DE',
  },
  paymentMethod: 'PAYPAL',
};

const fakturiaRequests = async () =>
  (await (await fetch(`${sandbox.url}/_control/fakturia/requests`)).json()) as unknown[];

function resolverWith(apiKey = KEY) {
  const directory = createCustomerDirectory(redis, prefix);
  const fakturia = createFakturiaClient({ apiUrl: `${sandbox.url}/fakturia`, apiKey });
  const deps: CustomerResolverDeps = {
    directory,
    fetchFakturiaCustomer: (number, opts) => fakturia.getCustomer(number, opts),
  };
  return { directory, resolver: createCustomerResolver(deps) };
}

beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis(server.url);
  sandbox = await startSandbox({
    logger: createLogger({ name: 'resolver-test', level: 'silent' }),
    fakturia: { apiKey: KEY },
  });
});
afterAll(async () => {
  await sandbox.close();
  redis.disconnect();
  await server.close();
});
beforeEach(async () => {
  sandbox.sandbox.reset();
  prefix = `cr${++testNo}`;
  await fetch(`${sandbox.url}/_control/fakturia/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customers: [holger] }),
  });
});

describe('the customer resolver', () => {
  it('answers from the directory without asking Fakturia', async () => {
    const { directory, resolver } = resolverWith();
    await directory.upsert({ source: 'fakturia', id: 'K1234' }, { email: 'known@example.net' });
    const resolved = await resolver.fakturiaCustomer('K1234');
    expect(resolved.from).toBe('directory');
    expect(resolved.record.email).toBe('known@example.net');
    expect(await fakturiaRequests()).toEqual([]);
  });

  it('fetches a customer the directory lacks from Fakturia, fills the directory, and asks only once', async () => {
    const { directory, resolver } = resolverWith();
    const first = await resolver.fakturiaCustomer('K1234');
    expect(first.from).toBe('fakturia');
    expect(await directory.get({ source: 'fakturia', id: 'K1234' })).toEqual({
      email: 'mail@example.net',
      salutation: 'MR',
      firstName: 'Holger',
      lastName: 'Tester',
      address: { street: 'Teststraße 1', zip: '12345', city: 'Testhausen', country: 'DE' },
      paymentMethod: 'PAYPAL',
      updatedAt: first.record.updatedAt,
    });
    const second = await resolver.fakturiaCustomer('K1234');
    expect(second.from).toBe('directory');
    expect(await fakturiaRequests()).toHaveLength(1);
  });

  it('fails for good, saying what to check, when Fakturia does not know the customer either', async () => {
    const { directory, resolver } = resolverWith();
    const error = await resolver
      .fakturiaCustomer('K9999', { neededFor: 'the voucher of invoice RE-2024-000042' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustomerUnknownAtFakturiaError);
    expect(retryAdviceOf(error)).toBe(NEVER_RETRY);
    expect((error as CustomerUnknownAtFakturiaError).customer).toEqual({
      source: 'fakturia',
      id: 'K9999',
    });
    expect((error as Error).message).toBe(
      'Customer K9999 is not in the customer directory and Fakturia does not know it either ' +
        '(GET /api/v1/Customers/K9999 answered 404), so the voucher of invoice RE-2024-000042 cannot be done. ' +
        'Check the customer number in the event and that FAKTURIA_API_URL and FAKTURIA_API_KEY belong to the ' +
        'Fakturia project the customer is filed under; retry the job once Fakturia knows the customer',
    );
    expect(await directory.get({ source: 'fakturia', id: 'K9999' })).toBeUndefined();
  });

  it('fetches a known record again when it lacks what the caller needs, and keeps it when Fakturia does not know it', async () => {
    const { directory, resolver } = resolverWith();
    const ref = { source: 'fakturia', id: 'K1234' } as const;
    await directory.upsert(ref, { email: 'known@example.net', prosonataAddressId: 7 });
    const withoutMethod = (record: { paymentMethod?: string }) => !record.paymentMethod;

    const refreshed = await resolver.fakturiaCustomer('K1234', { refreshIf: withoutMethod });
    expect(refreshed.from).toBe('fakturia');
    expect(refreshed.record).toMatchObject({ paymentMethod: 'PAYPAL', prosonataAddressId: 7 });
    expect((await resolver.fakturiaCustomer('K1234', { refreshIf: withoutMethod })).from).toBe(
      'directory',
    );
    expect(await fakturiaRequests()).toHaveLength(1);

    await directory.upsert({ source: 'fakturia', id: 'K7' }, { email: 'k7@example.net' });
    const gone = await resolver.fakturiaCustomer('K7', { refreshIf: withoutMethod });
    expect(gone).toMatchObject({ from: 'directory', record: { email: 'k7@example.net' } });
  });

  it("passes Fakturia's refusal of the key through, and writes nothing", async () => {
    const { directory, resolver } = resolverWith('not-the-key');
    await expect(resolver.fakturiaCustomer('K1234')).rejects.toBeInstanceOf(UpstreamRejectedError);
    expect(await directory.get({ source: 'fakturia', id: 'K1234' })).toBeUndefined();
  });
});
