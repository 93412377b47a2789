import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { retryAdviceOf } from '@campus/errors';
import { createLogger } from '@campus/logger';
import { createProducerConnection, waitUntilReady } from '@campus/queues';
import { startSandbox, type RunningSandbox } from '@campus/sandbox';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { UpstreamError, UpstreamRateLimitError, UpstreamRejectedError } from './errors.js';
import { createProsonataClient } from './prosonata.js';
import { createProsonataQuota } from './prosonata-quota.js';

let redis: TestRedis;
let connection: ReturnType<typeof createProducerConnection>;
let sandbox: RunningSandbox;
let testNo = 0;
let prefix = 'ps0';

const logger = createLogger({ name: 'prosonata-client-test', level: 'silent' });

const control = async <T = unknown>(path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${sandbox.url}/_control/prosonata${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T;
};
const requests = () =>
  control<{ method: string; status: number | null; headers: Record<string, string> }[]>(
    '/requests',
  );

/** A client as one worker process has it; clients made with the same prefix share the quota. */
const client = (timeoutMs = 5_000) =>
  createProsonataClient({
    apiUrl: `${sandbox.url}/prosonata`,
    apiKey: 'test-prosonata-key',
    timeoutMs,
    quota: createProsonataQuota(connection, prefix),
  });

const address = { customerID: 1, name1: 'Holger Tester', street: 'Teststraße', city: 'Testhausen' };

beforeAll(async () => {
  redis = await startTestRedis();
  connection = createProducerConnection(redis.url);
  await waitUntilReady(connection, 5_000);
  sandbox = await startSandbox({ logger, port: 0, smtpPort: 0 });
});
afterAll(async () => {
  await sandbox.close();
  connection.disconnect();
  await redis.close();
});
beforeEach(() => {
  sandbox.sandbox.reset();
  prefix = `ps${++testNo}`;
});

describe('the ProSonata client', () => {
  it('creates, reads, updates and finds an address, sending the API key', async () => {
    const prosonata = client();
    const created = await prosonata.createAddress({ ...address, comments: 'campus:fakturia:K1' });
    expect(created).toMatchObject({ customerID: 1, name1: 'Holger Tester', addressActive: 1 });

    const updated = await prosonata.updateAddress(created.addressID, { city: 'Bremen' });
    expect(updated).toMatchObject({
      found: true,
      address: { city: 'Bremen', name1: 'Holger Tester' },
    });
    expect(await prosonata.getAddress(created.addressID)).toMatchObject({
      found: true,
      address: { addressID: created.addressID, city: 'Bremen' },
    });
    const page = await prosonata.listAddresses(
      { comments: 'campus:fakturia:K1' },
      { orderBy: 'addressID DESC', perPage: 10 },
    );
    expect(page).toMatchObject({ page: 1, perPage: 10, totalCount: 1 });
    expect(page.addresses.map((a) => a.addressID)).toEqual([created.addressID]);

    const seen = await requests();
    expect(seen.map((r) => r.method)).toEqual(['POST', 'PUT', 'GET', 'GET']);
    expect(seen.every((r) => r.headers['x-api-key'] === '[redacted]')).toBe(true);
  });

  it('answers an unknown address with a typed not-found result', async () => {
    const prosonata = client();
    expect(await prosonata.getAddress(999)).toEqual({ found: false, addressId: 999 });
    expect(await prosonata.updateAddress(999, { city: 'Köln' })).toEqual({
      found: false,
      addressId: 999,
    });
  });

  it('rejects a missing customer group (409) as not retryable, with a readable reason', async () => {
    const error = await client()
      .createAddress({ ...address, customerID: 42 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(retryAdviceOf(error)).toEqual({ retry: 'never' });
    expect((error as Error).message).toContain('customerID 42 does not exist');
    expect((error as Error).message).toContain('PROSONATA_CUSTOMER_ID');
  });

  it('does not make the next call once the quota is used up, in any process', async () => {
    await control('/quota', { limit: 2, windowSeconds: 60 });
    const first = client();
    await first.listAddresses();
    await first.listAddresses();

    const refused = await first.listAddresses().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UpstreamRateLimitError);
    const waitMs = (refused as UpstreamRateLimitError).retryAfterMs;
    expect(waitMs).toBeGreaterThan(30_000);
    expect(waitMs).toBeLessThanOrEqual(61_000);

    // Another process (its own client, same Redis) knows without asking.
    await expect(client().getAddress(1)).rejects.toBeInstanceOf(UpstreamRateLimitError);
    expect(await requests()).toHaveLength(2);
  });

  it('turns a 429 into a wait until the window resets, and then calls again', async () => {
    await control('/quota', { limit: 1, windowSeconds: 2 });
    // Someone else spent the quota: this client learns of it from the 429.
    await fetch(`${sandbox.url}/prosonata/api/v1/addresses`, { headers: { 'x-api-key': 'x' } });
    const prosonata = client();
    const limited = await prosonata.listAddresses().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(UpstreamRateLimitError);
    expect((limited as UpstreamRateLimitError).status).toBe(429);
    expect((limited as UpstreamRateLimitError).retryAfterMs).toBeGreaterThan(0);
    expect((limited as UpstreamRateLimitError).retryAfterMs).toBeLessThanOrEqual(2_000);
    await expect(prosonata.listAddresses()).rejects.toBeInstanceOf(UpstreamRateLimitError);
    expect((await requests()).map((r) => r.status)).toEqual([200, 429]);

    await expect
      .poll(
        () =>
          prosonata.listAddresses().then(
            () => 'answered',
            () => 'waiting',
          ),
        {
          timeout: 20_000,
          interval: 250,
        },
      )
      .toBe('answered');
  });

  it('spends exactly the remaining quota when many calls start at once', async () => {
    await control('/quota', { limit: 10, windowSeconds: 60 });
    const clients = [client(), client(), client()];
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        clients[i % 3]!.listAddresses().then(
          () => 'answered',
          (e: unknown) => (e instanceof UpstreamRateLimitError ? 'wait' : 'error'),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'answered')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'wait')).toHaveLength(20);
    expect((await requests()).map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it('reports a call that timed out as a retryable upstream error', async () => {
    await control('/fail', { count: 1, mode: 'hang' });
    const error = await client(300)
      .getAddress(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).not.toBeInstanceOf(UpstreamRejectedError);
    expect(error).not.toBeInstanceOf(UpstreamRateLimitError);
    expect((error as Error).message).toContain('no answer within 300 ms');
  });
});
