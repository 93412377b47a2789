import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailFailSwitch, type MailFailSwitchClient } from '@campus/sandbox';
import { spawnApp, type RunningApp } from '@campus/testing';
import { HOLGER, startWorld, type World } from './harness.js';
import { waitFor } from './poll.js';

let world: World;
let smtp: MailFailSwitchClient;
const apps: RunningApp[] = [];
beforeAll(async () => {
  world = await startWorld();
  smtp = mailFailSwitch(world.sandbox.url);
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop('SIGKILL')));
  await world.close();
});

/** A real worker-dunning-mail process, with fast stalled-job detection. */
async function startProcess(): Promise<RunningApp> {
  const app = spawnApp('worker-dunning-mail', {
    REDIS_URL: world.redis.url,
    QUEUE_PREFIX: world.prefix,
    SMTP_URL: `smtp://127.0.0.1:${world.sandbox.smtpPort}`,
    MAIL_OUTBOX_DIR: '',
    WORKER_LOCK_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '1000',
    WORKER_METRICS_PORT: '0',
  });
  apps.push(app);
  await app.waitFor(/worker-dunning-mail started/, 30_000);
  return app;
}

describe('a worker process killed in the middle of a Mahnung', () => {
  it('leaves the job to another process, and the mail arrives exactly once', async () => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    // SMTP takes the Mahnung and withholds its answer: the first process is
    // stuck inside the job, holding its lock, when it is killed (and the sink
    // keeps nothing of a message whose sender hung up before the answer).
    await smtp.arm('hold', 1);
    const first = await startProcess();
    const accepted = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json');
    await waitFor('the first process to be inside the job', async () =>
      (await smtp.status()).held > 0 &&
      (await world.queue.getJobState(accepted.eventKey)) === 'active'
        ? true
        : undefined,
    );

    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    const second = await startProcess();

    const { state } = await world.settled(accepted.eventKey);
    expect(state).toBe('completed');
    expect(second.output()).toContain('Mahnung sent');
    const mails = await world.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelope.to).toEqual(['mail@example.net']);
    expect(mails[0]!.subject).toBe('Zahlungserinnerung zur Rechnung RE-2024-000042');
  });
});
