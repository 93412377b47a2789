import { describe, expect } from 'vitest';
import type { QuarantineJobData } from '@campus/events';
import { readFixture, waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { HOLGER, test, upstreamRequests } from './world.js';

/**
 * Issue #9: a PayPal event that passed the receiver's signature check may
 * still be forged (CRC32 fixed inside the transmission window). Before any
 * notice goes out, the worker asks PayPal for its own copy.
 */
const DENIED = 'paypal/PAYMENT.SALE.DENIED.json';

/** The customer of the fixtures' subscription, known as the other domains would have written it. */
async function knownSubscriber(world: WorkerWorld) {
  await world.links.link('I-BW452GLLEP1G', { contractNumber: 'V-1001', customerNumber: 'K1234' });
  await world.directory.upsert(HOLGER.ref, HOLGER.record);
}

/** The denied sale with another id: an event PayPal never sent. */
function forgedEvent(): Record<string, unknown> {
  const body = JSON.parse(readFixture(DENIED)) as Record<string, unknown>;
  return { ...body, id: 'WH-FORGED000000000-00000000000000000' };
}

describe('a money-moving PayPal event PayPal does not confirm', () => {
  test('that PayPal never sent goes to the quarantine, fails for good and mails nobody', async ({
    world,
  }) => {
    await knownSubscriber(world);
    const { eventKey } = await world.deliver('paypal', forgedEvent(), { paypalCopy: false });

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(
      /^PaypalEventNotConfirmedError: PayPal does not confirm PAYMENT\.SALE\.DENIED WH-FORGED000000000-00000000000000000: PayPal does not know the event .*Nothing was done with it; the payload is kept in the quarantine as job q\.paypal\.[0-9a-f]{64}\./,
    );
    expect(await world.mails()).toEqual([]);
    const [quarantined, ...more] = await world.queues.quarantine.getJobs(['waiting', 'failed']);
    expect(more).toEqual([]);
    expect(quarantined?.name).toBe('paypal.unconfirmed');
    const data = quarantined?.data as QuarantineJobData;
    expect(data.reason).toBe('unconfirmed');
    expect(data.rawBody).toBe(JSON.stringify(forgedEvent()));
    expect(data.details).toEqual([
      { path: '/id', message: expect.stringContaining('PayPal does not know the event') },
    ]);
  });

  test('whose amount differs from PayPal’s copy is quarantined with the field named', async ({
    world,
  }) => {
    await knownSubscriber(world);
    const genuine = JSON.parse(readFixture(DENIED)) as { resource: { amount: { total: string } } };
    const changed = structuredClone(genuine);
    changed.resource.amount.total = '0.01';
    const { eventKey } = await world.deliver('paypal', changed, { paypalCopy: genuine });

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.failedReason).toContain(
      "The event differs from PayPal's copy in resource.amount.total",
    );
    expect(await world.mails()).toEqual([]);
    const [quarantined] = await world.queues.quarantine.getJobs(['waiting', 'failed']);
    expect((quarantined?.data as QuarantineJobData).details).toEqual([
      { path: '/resource/amount/total', message: "differs from PayPal's copy of the event" },
    ]);
  });
});

describe('asking PayPal', () => {
  test('is retried while PayPal cannot answer; the notice goes out once it does', async ({
    world,
    worker,
  }) => {
    await knownSubscriber(world);
    await world.control('POST', '/paypal/fail', { count: 2 });
    const { eventKey } = await world.deliver('paypal', DENIED, {
      retries: { attempts: 5, backoffMs: 100 },
    });

    const job = await world.settled(eventKey);
    expect(job.state).toBe('completed');
    expect(await world.mails()).toHaveLength(1);
    const retried = worker.logs.filter((l) => l.msg === 'job attempt failed: will retry');
    expect(retried.length).toBeGreaterThanOrEqual(1);
    expect(String(retried[0]!.reason)).toMatch(/^paypal answered 500/);
    expect(await world.queues.quarantine.count()).toBe(0);
  });

  test('happens once per event: a retry after the confirmation does not ask again', async ({
    world,
  }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const { eventKey } = await world.deliver('paypal', DENIED, {
      retries: { attempts: 50, backoffMs: 100 },
    });
    // Not linked yet: the job retries after PayPal confirmed it.
    await waitFor('two failed attempts', async () => {
      const job = await world.queue.getJob(eventKey);
      return (job?.attemptsMade ?? 0) >= 2 ? job : undefined;
    });
    await world.links.link('I-BW452GLLEP1G', { contractNumber: 'V-1001', customerNumber: 'K1234' });

    expect((await world.settled(eventKey)).state).toBe('completed');
    const lookups = (await upstreamRequests(world, 'paypal')).filter((r) =>
      r.includes('/v1/notifications/webhooks-events/'),
    );
    expect(lookups).toHaveLength(1);
  });
});
