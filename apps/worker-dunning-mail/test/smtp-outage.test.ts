import { describe, expect } from 'vitest';
import { waitFor } from '@campus/testing';
import { HOLGER, test } from './world.js';

describe('when the SMTP server refuses mail', () => {
  test('retries the Mahnung with retryCount counting up and sends it exactly once when SMTP is back', async ({
    world,
    worker,
  }) => {
    const { smtp } = world;
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await smtp.arm('refuse');
    const { eventKey: id } = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json', {
      retries: { attempts: 50, backoffMs: 200 },
    });

    const waiting = await waitFor('three refused attempts', async () => {
      const job = await world.queue.getJob(id);
      return job !== undefined && job.attemptsMade >= 3 ? job : undefined;
    });
    expect(waiting.failedReason).toContain(`failed at smtp://127.0.0.1:${world.sandbox.smtpPort}`);
    expect(waiting.failedReason).toContain('the job is retried');
    expect((await smtp.status()).applied.refuse).toBeGreaterThanOrEqual(3);
    expect(await world.mails()).toEqual([]);

    await smtp.clear();
    const { state, attemptsMade } = await world.settled(id);
    expect(state).toBe('completed');
    const mails = await world.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Zahlungserinnerung zur Rechnung RE-2024-000042');

    const retries = worker.logs
      .filter((l) => l.msg === 'job attempt failed: will retry')
      .map((l) => l.retryCount);
    expect(retries).toEqual(retries.map((_, i) => i));
    expect(attemptsMade).toBe(retries.length + 1);
  });
});
