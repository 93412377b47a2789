import { describe, expect } from 'vitest';
import type { PaypalClient } from '@campus/clients';
import type { WorkerWorld } from '@campus/worker-testing';
import { paypalRequests, subscriptions, test, type PaypalWorkerOptions } from './world.js';

/**
 * PayPal keeps a PayPal-Request-Id 72 hours (billing_subscriptions_v1.json,
 * `paypal_request_id`). A create call whose outcome is unknown may be sent
 * again with the same id within that time, never after it.
 */
const HOUR = 60 * 60 * 1000;
const CUSTOMER = { email: 'mail@example.net', firstName: 'Holger', lastName: 'Tester' };

/** A clock that stands still until a test moves it. */
function testClock() {
  let now = Date.parse('2024-05-01T00:00:05Z');
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/**
 * A contract whose first subscription call PayPal carried out but never
 * answered (the client timed out): the job failed with its outcome unknown.
 */
async function firstCallLost(
  world: WorkerWorld,
  startPaypalWorker: (options: PaypalWorkerOptions) => Promise<PaypalClient>,
  clock: ReturnType<typeof testClock>,
): Promise<string> {
  await world.directory.upsert({ source: 'fakturia', id: 'K1234' }, CUSTOMER);
  const paypal = await startPaypalWorker({ timeoutMs: 1_000, now: clock.now });
  await paypal.accessToken(); // the knob must hit the subscription call, not the token
  await world.control('POST', '/paypal/fail', { count: 1, mode: 'timeout-after-work' });
  const { eventKey } = await world.deliver('fakturia', 'fakturia/CONTRACT_ACTIVATED.json', {
    retries: { attempts: 1, backoffMs: 100 },
  });
  expect((await world.settled(eventKey)).state).toBe('failed');
  return eventKey;
}

describe('a subscription call whose outcome is unknown', () => {
  test('is sent again with the same PayPal-Request-Id within 72 hours: still one subscription', async ({
    world,
    startPaypalWorker,
  }) => {
    const clock = testClock();
    const eventKey = await firstCallLost(world, startPaypalWorker, clock);

    clock.advance(71 * HOUR);
    await (await world.queue.getJob(eventKey))!.retry('failed');

    expect((await world.settled(eventKey)).state).toBe('completed');
    const calls = await paypalRequests(world, '/v1/billing/subscriptions');
    expect(calls.map((c) => c.headers['paypal-request-id'])).toEqual([eventKey, eventKey]);
    expect(await subscriptions(world)).toHaveLength(1);
    expect(await world.mails()).toHaveLength(1);
  });

  test('is not sent again after 72 hours: the job fails for an operator, naming the contract', async ({
    world,
    startPaypalWorker,
  }) => {
    const clock = testClock();
    const eventKey = await firstCallLost(world, startPaypalWorker, clock);

    clock.advance(73 * HOUR);
    await (await world.queue.getJob(eventKey))!.retry('failed');

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.failedReason).toBe(
      'RequestIdExpiredError: The PayPal subscription of contract V-1001 was first requested at 2024-05-01T00:00:05.000Z ' +
        'and that attempt ended without a known outcome; PayPal keeps a PayPal-Request-Id only 72 hours, so asking again ' +
        `(${eventKey}) could create a second subscription. Look in PayPal for a subscription with custom_id V-1001: ` +
        "if there is one, it is the customer's (mail its approval link by hand); if there is none, retry this job, " +
        'which then asks PayPal afresh.',
    );
    expect(await paypalRequests(world, '/v1/billing/subscriptions')).toHaveLength(1);
    expect(await subscriptions(world)).toHaveLength(1);
    expect(await world.mails()).toEqual([]);

    // The operator checked PayPal and retries: a new 72 hours begin.
    await (await world.queue.getJob(eventKey))!.retry('failed');
    expect((await world.settled(eventKey)).state).toBe('completed');
    expect(await paypalRequests(world, '/v1/billing/subscriptions')).toHaveLength(2);
  });
});
