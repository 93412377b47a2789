import { describe, expect } from 'vitest';
import { createPaypalPayments } from '@campus/customer-directory';
import type { QuarantineJobData } from '@campus/events';
import { readFixture } from '@campus/testing';
import { test } from './world.js';

/**
 * Issue #9: PayPal's signature covers only a CRC32 of the body, so a forged
 * PAYMENT.SALE.COMPLETED can pass the receiver. invoice-sync records a PayPal
 * payment only after PayPal's own copy of the event agrees.
 */
const COMPLETED = 'paypal/PAYMENT.SALE.COMPLETED.json';

interface SaleEvent {
  id: string;
  resource: { amount: { total: string }; custom: string; billing_agreement_id: string };
}
const genuine = () => JSON.parse(readFixture(COMPLETED)) as SaleEvent;
/** The PayPal sales recorded for a contract (what dunning-mail reads). */
const salesOf = (
  world: { connection: Parameters<typeof createPaypalPayments>[0]; prefix: string },
  contract: string,
) => createPaypalPayments(world.connection, world.prefix).salesOf(contract);

describe('a PayPal PAYMENT.SALE.COMPLETED', () => {
  test('that PayPal never sent marks nothing paid and waits in the quarantine', async ({
    world,
  }) => {
    const forged = genuine();
    forged.id = 'WH-FORGED000000000-00000000000000000';
    forged.resource.amount.total = '0.01';
    forged.resource.custom = 'V-6666';
    forged.resource.billing_agreement_id = 'I-NOTFROMPAYPAL';
    const { eventKey } = await world.deliver('paypal', forged, { paypalCopy: false });

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/^PaypalEventNotConfirmedError: PayPal does not confirm/);
    expect(await salesOf(world, 'V-6666')).toEqual([]);
    const quarantined = await world.queues.quarantine.getJobs(['waiting', 'failed']);
    expect(quarantined.map((q) => (q.data as QuarantineJobData).reason)).toEqual(['unconfirmed']);
  });

  test('changed but under the genuine id holds the genuine one back until an operator removes it', async ({
    world,
  }) => {
    const changed = genuine();
    changed.resource.amount.total = '0.01';
    const forged = await world.deliver('paypal', changed, { paypalCopy: genuine() });
    const job = await world.settled(forged.eventKey);
    expect(job.state).toBe('failed');
    expect(job.failedReason).toContain(
      "The event differs from PayPal's copy in resource.amount.total",
    );

    // PayPal's own delivery of the event: the same key, so the failed job runs again, forged body and all.
    const again = await world.deliver('paypal', COMPLETED);
    expect(again).toMatchObject({ status: 'accepted', requeued: ['invoice-sync'] });
    const refused = await world.settled(forged.eventKey);
    expect(refused).toMatchObject({ state: 'failed', attemptsMade: 2 });
    expect(await salesOf(world, 'V-1001')).toEqual([]);

    // The operator removes the failed job; PayPal's resend is then queued as delivered.
    await (await world.queue.getJob(forged.eventKey))!.remove();
    const resent = await world.deliver('paypal', COMPLETED);
    expect(resent).toMatchObject({ status: 'accepted', eventKey: forged.eventKey });
    expect((await world.settled(forged.eventKey)).state).toBe('completed');
    expect(await salesOf(world, 'V-1001')).toMatchObject([{ amount: 100 }]);
  });
});
