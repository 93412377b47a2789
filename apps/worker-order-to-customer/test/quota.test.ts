import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RecordedRequest } from '@campus/sandbox';
import { startHarness, type Harness } from './harness.js';
import { fakturiaCustomerEvent } from './fixtures.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const LIMIT = 50;
const WINDOW_MS = 3_000;
const CUSTOMERS = 200;

/** Requests ProSonata let through per quota window, windows cut as the sandbox cuts them. */
function answeredPerWindow(requests: readonly RecordedRequest[]): number[] {
  const counts: number[] = [];
  let windowStart: number | undefined;
  for (const request of [...requests].sort((a, b) => a.at - b.at)) {
    if (windowStart === undefined || request.at >= windowStart + WINDOW_MS) {
      windowStart = request.at;
      counts.push(0);
    }
    if (request.status !== 429) counts[counts.length - 1]! += 1;
  }
  return counts;
}

it('files 200 new customers through a quota of 50 per window without failing a job or overrunning the quota', async () => {
  await h.control('/quota', { limit: LIMIT, windowSeconds: WINDOW_MS / 1000 });
  // Two worker processes share the quota through Redis.
  const first = await h.start({ concurrency: 5 });
  await h.start({ concurrency: 5 });
  for (let i = 1; i <= CUSTOMERS; i += 1) {
    const customerNumber = `K${String(i).padStart(4, '0')}`;
    await h.deliver('fakturia', fakturiaCustomerEvent('CUSTOMER_CREATED', { customerNumber }));
  }

  await expect
    .poll(async () => (await first.queue.getJobCounts('completed')).completed, {
      timeout: 90_000,
      interval: 500,
    })
    .toBe(CUSTOMERS);

  expect((await first.queue.getJobCounts('failed')).failed).toBe(0);
  const addresses = await h.addresses();
  expect(addresses).toHaveLength(CUSTOMERS);
  expect(new Set(addresses.map((a) => a.comments)).size).toBe(CUSTOMERS);

  const requests = await h.requests();
  expect(requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(3);
  const perWindow = answeredPerWindow(requests);
  expect(Math.max(...perWindow)).toBeLessThanOrEqual(LIMIT);
  expect(perWindow.length).toBeGreaterThanOrEqual(CUSTOMERS / LIMIT);
}, 120_000);
