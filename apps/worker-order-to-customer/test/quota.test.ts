import { expect } from 'vitest';
import type { RecordedRequest } from '@campus/sandbox';
import { waitFor } from '@campus/testing';
import { fakturiaCustomerEvent } from './fixtures.js';
import { prosonataAddresses, prosonataRequests, test } from './world.js';

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

test('files 200 new customers through a quota of 50 per window without failing a job or overrunning the quota', async ({
  world,
  startWorker,
}) => {
  await world.control('POST', '/prosonata/quota', {
    limit: LIMIT,
    windowSeconds: WINDOW_MS / 1000,
  });
  // Two worker processes share the quota through Redis.
  await startWorker({ concurrency: 5 });
  await startWorker({ concurrency: 5 });
  for (let i = 1; i <= CUSTOMERS; i += 1) {
    const customerNumber = `K${String(i).padStart(4, '0')}`;
    await world.deliver('fakturia', fakturiaCustomerEvent('CUSTOMER_CREATED', { customerNumber }));
  }

  const completed = async () => (await world.queue.getJobCounts('completed')).completed;
  await waitFor(
    `${CUSTOMERS} completed jobs`,
    async () => (await completed()) === CUSTOMERS,
    90_000,
  );

  expect(await completed()).toBe(CUSTOMERS);
  expect((await world.queue.getJobCounts('failed')).failed).toBe(0);
  const addresses = await prosonataAddresses(world);
  expect(addresses).toHaveLength(CUSTOMERS);
  expect(new Set(addresses.map((a) => a.comments)).size).toBe(CUSTOMERS);

  const requests = await prosonataRequests(world);
  expect(requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(3);
  const perWindow = answeredPerWindow(requests);
  expect(Math.max(...perWindow)).toBeLessThanOrEqual(LIMIT);
  expect(perWindow.length).toBeGreaterThanOrEqual(CUSTOMERS / LIMIT);
}, 120_000);
