import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mailFailSwitch, type MailFailSwitchClient } from '@campus/sandbox';
import { readFixture } from '@campus/testing';
import { HOLGER, startWorld, type World } from './harness.js';
import { waitFor } from './poll.js';

let world: World;
let smtp: MailFailSwitchClient;
beforeAll(async () => {
  world = await startWorld();
  smtp = mailFailSwitch(world.sandbox.url);
});
afterEach(async () => {
  await smtp.clear();
  await world.reset();
});
afterAll(async () => {
  await world.close();
});

describe('when the SMTP server refuses mail', () => {
  it('retries the Mahnung with retryCount counting up and sends it exactly once when SMTP is back', async () => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await smtp.arm('refuse');
    const { logs } = await world.startWorker();
    const id = await world.queueRaw('fakturia', readFixture('fakturia/DUNNING_CREATED.json'), {
      attempts: 50,
      delayMs: 200,
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
    const { state, job } = await world.settled(id);
    expect(state).toBe('completed');
    const mails = await world.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Zahlungserinnerung zur Rechnung RE-2024-000042');

    const retries = logs
      .filter((l) => l.msg === 'job attempt failed: will retry')
      .map((l) => l.retryCount);
    expect(retries).toEqual(retries.map((_, i) => i));
    expect(job.attemptsMade).toBe(retries.length + 1);
  });
});
