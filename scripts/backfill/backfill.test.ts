import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readTestEnvironment } from '@campus/config';
import { createCustomerDirectory } from '@campus/customer-directory';
import { createLogger } from '@campus/logger';
import { startSandbox, type RunningSandbox } from '@campus/sandbox';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { EXIT, runBackfill } from './run.js';

const KEY = 'backfill-test-key';
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
let server: TestRedis;
let redis: Redis;
let sandbox: RunningSandbox;
let prefix = 'bf0';
let testNo = 0;

const customer = (n: number) => ({
  customerNumber: `K${n}`,
  salutation: 'MS',
  firstName: `Vorname${n}`,
  lastName: `Nachname${n}`,
  email: `kunde${n}@example.net`,
  billingAddress: { addressLine1: `Weg ${n}`, zipCode: '12345', cityName: 'Testhausen' },
  paymentMethod: n % 2 ? 'PAYPAL' : 'BANKTRANSFER',
});
const seed = (customers: object[]) =>
  fetch(`${sandbox.url}/_control/fakturia/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customers }),
  });
const env = () => ({
  REDIS_URL: server.url,
  QUEUE_PREFIX: prefix,
  FAKTURIA_API_URL: `${sandbox.url}/fakturia`,
  FAKTURIA_API_KEY: KEY,
  FAKTURIA_PAGE_SIZE: '2',
});

async function backfill(args: string[], vars: Record<string, string> = env()) {
  let out = '';
  let err = '';
  const code = await runBackfill(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    env: vars,
    redisWaitMs: 1_000,
  });
  return { code, out, err };
}

const directory = () => createCustomerDirectory(redis, prefix);

beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis(server.url);
  sandbox = await startSandbox({
    logger: createLogger({ name: 'backfill-test', level: 'silent' }),
    fakturia: { apiKey: KEY },
  });
});
afterAll(async () => {
  await sandbox.close();
  redis.disconnect();
  await server.close();
});
beforeEach(() => {
  sandbox.sandbox.reset();
  prefix = `bf${++testNo}`;
});

describe('npm run backfill -- customers', () => {
  it('writes every Fakturia customer into the directory, page by page, with progress and a summary', async () => {
    await seed([1, 2, 3, 4, 5].map(customer));
    const run = await backfill(['customers']);
    expect(run.err).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toMatch(
      /^page 0 done: 2 customers so far \(2 added, 0 updated, 0 unchanged, 0 failed\), \d+ customers\/s$/m,
    );
    expect(run.out).toMatch(/^page 2 done: 5 customers so far/m);
    expect(run.out).toMatch(
      /^Fakturia customers → customer directory: 3 pages, 5 customers: 5 added, 0 updated, 0 unchanged, 0 failed \(\d+\.\d s\)$/m,
    );
    expect(run.out).not.toMatch(/example\.net|Nachname/);
    expect(await directory().get({ source: 'fakturia', id: 'K3' })).toMatchObject({
      email: 'kunde3@example.net',
      salutation: 'MS',
      firstName: 'Vorname3',
      lastName: 'Nachname3',
      address: { street: 'Weg 3', zip: '12345', city: 'Testhausen' },
      paymentMethod: 'PAYPAL',
    });
  });

  it('is safe to run twice: the second run changes nothing, and a changed customer is updated', async () => {
    await seed([1, 2, 3].map(customer));
    await directory().upsert({ source: 'fakturia', id: 'K2' }, { prosonataAddressId: 77 });
    expect((await backfill(['customers'])).out).toContain('2 added, 1 updated, 0 unchanged');
    const second = await backfill(['customers']);
    expect(second.code).toBe(EXIT.ok);
    expect(second.out).toContain('3 customers: 0 added, 0 updated, 3 unchanged, 0 failed');

    await seed([{ ...customer(1), email: 'neu@example.net' }]);
    expect((await backfill(['customers'])).out).toContain('0 added, 1 updated, 2 unchanged');
    expect(await directory().get({ source: 'fakturia', id: 'K1' })).toMatchObject({
      email: 'neu@example.net',
    });
    // What only the workers know (the ProSonata address) stays.
    expect(await directory().get({ source: 'fakturia', id: 'K2' })).toMatchObject({
      prosonataAddressId: 77,
      email: 'kunde2@example.net',
    });
  });

  it('resumes from a page, and counts a customer without a number as failed (exit 1)', async () => {
    await seed([1, 2, 3].map(customer));
    sandbox.sandbox.state.fakturia.customers.set('blank', { ...customer(9), customerNumber: ' ' });
    const run = await backfill(['customers', '--from-page', '1']);
    expect(run.out).toContain('page 1, entry 2: no customerNumber, skipped');
    expect(run.out).toContain('2 customers: 1 added, 0 updated, 0 unchanged, 1 failed');
    expect(await directory().get({ source: 'fakturia', id: 'K1' })).toBeUndefined();
    expect(await directory().get({ source: 'fakturia', id: 'K3' })).toBeDefined();
    expect(run.code).toBe(EXIT.failed);
    expect(run.err).toContain('backfill: 1 customer was not written');
  });

  it('stops at a page Fakturia does not serve and says how to resume (exit 1)', async () => {
    await seed([1, 2, 3].map(customer));
    await fetch(`${sandbox.url}/_control/fakturia/fail`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1, mode: 'error' }),
    });
    const run = await backfill(['customers']);
    expect(run.code).toBe(EXIT.failed);
    expect(run.err).toContain('backfill stopped at page 0: fakturia answered 500');
    expect(run.err).toContain('resume with: npm run backfill -- customers --from-page 0');
  });

  it('refuses a wrong API key with a message naming FAKTURIA_API_KEY, never the key', async () => {
    await seed([customer(1)]);
    const run = await backfill(['customers'], { ...env(), FAKTURIA_API_KEY: 'wrong-key-value' });
    expect(run.code).toBe(EXIT.failed);
    expect(run.err).toMatch(/Fakturia refused GET \/api\/v1\/Customers \(401/);
    expect(run.err).toContain('check FAKTURIA_API_KEY');
    expect(run.out + run.err).not.toContain('wrong-key-value');
  });

  it('answers usage and configuration mistakes with their exit codes', async () => {
    expect((await backfill([])).code).toBe(EXIT.usage);
    expect((await backfill(['invoices'])).code).toBe(EXIT.usage);
    expect((await backfill(['customers', '--from-page', '-1'])).code).toBe(EXIT.usage);
    const production = await backfill(['customers'], { CAMPUS_MODE: 'production' });
    expect(production.code).toBe(EXIT.config);
    expect(production.err).toContain('FAKTURIA_API_KEY is missing');
    const noRedis = await backfill(['customers'], { ...env(), REDIS_URL: 'redis://127.0.0.1:1' });
    expect(noRedis.code).toBe(EXIT.unavailable);
    expect(noRedis.err).toMatch(/Redis did not become ready within 1000 ms; check REDIS_URL/);
  });

  it('runs as `npm run backfill` does, as its own process, and exits 0', async () => {
    await seed([1, 2].map(customer));
    const child = spawn(
      process.execPath,
      ['--conditions=@campus/source', '--import', 'tsx', 'scripts/backfill.ts', 'customers'],
      {
        cwd: REPO_ROOT,
        env: { ...readTestEnvironment().inherited, ...env() },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output).toContain('2 customers: 2 added, 0 updated, 0 unchanged, 0 failed');
    expect(code).toBe(0);
  });
});
