import { describe, expect, type TestContext } from 'vitest';
import { spawnApp, waitFor, type RunningApp } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { HOLGER, worldTest } from './world.js';

/** A real worker-dunning-mail process, with fast stalled-job detection; killed when the test ends. */
async function startProcess(
  world: WorkerWorld,
  onTestFinished: TestContext['onTestFinished'],
): Promise<RunningApp> {
  const app = spawnApp('worker-dunning-mail', {
    ...world.env,
    WORKER_LOCK_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '1000',
  });
  onTestFinished(async () => {
    await app.stop('SIGKILL');
  });
  await app.waitFor(/worker-dunning-mail started/, 30_000);
  return app;
}

describe('a worker process killed in the middle of a Mahnung', () => {
  worldTest(
    'leaves the job to another process, and the mail arrives exactly once',
    async ({ world, onTestFinished }) => {
      const { smtp } = world;
      await world.directory.upsert(HOLGER.ref, HOLGER.record);
      // SMTP takes the Mahnung and withholds its answer: the first process is
      // stuck inside the job, holding its lock, when it is killed (and the sink
      // keeps nothing of a message whose sender hung up before the answer).
      await smtp.arm('hold', 1);
      const first = await startProcess(world, onTestFinished);
      const accepted = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json');
      await waitFor('the first process to be inside the job', async () =>
        (await smtp.status()).held > 0 &&
        (await world.queue.getJobState(accepted.eventKey)) === 'active'
          ? true
          : undefined,
      );

      expect(await first.stop('SIGKILL')).toBe('SIGKILL');
      const second = await startProcess(world, onTestFinished);

      const { state } = await world.settled(accepted.eventKey);
      expect(state).toBe('completed');
      expect(second.output()).toContain('Mahnung sent');
      const mails = await world.mails();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.envelope.to).toEqual(['mail@example.net']);
      expect(mails[0]!.subject).toBe('Zahlungserinnerung zur Rechnung RE-2024-000042');
    },
  );
});
