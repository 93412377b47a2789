import { SANDBOX_SECRETS } from '@campus/config';
import { spawnApp, waitFor } from '@campus/testing';
import { senderHeaders } from '@campus/webhook-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type RunningSystem } from './system.js';

/**
 * Issue #12's promise, on a real six-node Redis Cluster with every app its own
 * process: under a steady stream of webhooks, kill -9 the master that holds a
 * domain queue. Its replica takes over, senders see 503s for a moment and
 * retry, and with REDIS_MIN_REPLICA_ACKS=1 every event answered 2xx has
 * exactly one side effect: none lost, none doubled, no worker restarted.
 */
let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem(
    {
      REDIS_MIN_REPLICA_ACKS: '1',
      REDIS_REPLICA_ACK_TIMEOUT_MS: '300',
      ENQUEUE_TIMEOUT_MS: '1500',
      WORKER_LOCK_MS: '5000',
      WORKER_STALLED_INTERVAL_MS: '2000',
    },
    'cluster',
  );
}, 240_000);
afterAll(async () => {
  await system?.stop();
});

const EVENTS = 40;
const addressOf = (i: number) => `failover-${i}@example.com`;

/** A sender as the website is one: the same webhook-id on every retry, until a 2xx. */
async function deliverUntilAccepted(i: number, statuses: number[]): Promise<number> {
  const body = JSON.stringify({
    event: 'form.login.magic_code.request',
    data: { email: addressOf(i) },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const headers = senderHeaders(
      'campus',
      body,
      { campusSecret: SANDBOX_SECRETS.CAMPUS_WEBHOOK_SECRET },
      { webhookId: `failover-${i}` },
    );
    const status = await fetch(`${system.receiver}/webhooks/campus`, {
      method: 'POST',
      headers,
      body,
    }).then(
      (response) => response.status,
      () => 0,
    );
    statuses.push(status);
    if (status >= 200 && status < 300) return status;
    if (Date.now() > deadline) throw new Error(`event ${i} still answered ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('a failover of the master that holds a domain queue', () => {
  it('loses nothing that was answered 2xx and doubles nothing', async () => {
    const cluster = system.cluster!;
    const queue = system.queues.domain['login-mail'];
    const master = await cluster.masterOf(`${queue.opts.prefix}:login-mail:wait`);
    const replica = (await cluster.topology()).find((t) => t.masterPort === master.port)!;

    const statuses: number[] = [];
    let next = 0;
    const accepted: number[] = [];
    const sender = async () => {
      while (next < EVENTS) {
        const i = next++;
        await deliverUntilAccepted(i, statuses);
        accepted.push(i);
        if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const senders = Promise.all([sender(), sender(), sender()]);

    // A third of the way in, the machine of the login-mail master dies.
    await waitFor('a third of the events to be accepted', async () =>
      accepted.length >= EVENTS / 3 ? true : undefined,
    );
    await master.kill();
    await waitFor(
      'the replica to take over',
      async () =>
        (await cluster.topology()).find((t) => t.port === replica.port)?.role === 'master'
          ? true
          : undefined,
      60_000,
    );
    // The machine comes back and rejoins as a replica (WAIT 1 needs one).
    await master.start();
    await cluster.waitUntilHealthy(60_000);
    await senders;

    expect(accepted).toHaveLength(EVENTS);
    expect(statuses.some((s) => s === 503 || s === 0)).toBe(true);

    // Exactly one mail per accepted event, none for anything twice.
    const mails = await waitFor(
      'one mail per event',
      async () => {
        const inbox = await system.control<{ to: string[] }[]>('/mail');
        const failover = inbox.filter((m) => m.to.some((to) => to.startsWith('failover-')));
        return failover.length >= EVENTS ? failover : undefined;
      },
      120_000,
    );
    await waitFor('login-mail to drain', async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed');
      return (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) === 0
        ? true
        : undefined;
    });
    const perAddress = new Map<string, number>();
    for (const mail of await system.control<{ to: string[] }[]>('/mail')) {
      for (const to of mail.to.filter((t) => t.startsWith('failover-')))
        perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    }
    expect(mails.length).toBeGreaterThanOrEqual(EVENTS);
    for (let i = 0; i < EVENTS; i++) expect(perAddress.get(addressOf(i))).toBe(1);
    expect((await queue.getJobCounts('failed')).failed).toBe(0);

    // The workers carried on: no process exited.
    for (const [name, app] of system.apps) {
      const exited = await Promise.race([app.exited, Promise.resolve('running')]);
      expect(`${name}: ${exited}`).toBe(`${name}: running`);
    }
  }, 300_000);
});

describe('a worker process killed in the middle of a job on the cluster', () => {
  it('leaves the job to another process, and the mail goes out exactly once', async () => {
    const hold = await fetch(`${system.sandbox}/_control/mail/fail`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'hold', count: 1 }),
    });
    expect(hold.status).toBe(200);
    await deliverUntilAccepted(999, []);
    const queue = system.queues.domain['login-mail'];
    const jobId = 'campus.failover-999';
    // The SMTP sink took the mail and withholds its answer: the worker is inside the job.
    await waitFor('the worker to be inside the job', async () => {
      const status = (await system.control<{ held: number }>('/mail/fail')).held;
      return status > 0 && (await queue.getJobState(jobId)) === 'active' ? true : undefined;
    });
    const first = system.apps.get('worker-login-mail')!;
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    // The sink keeps nothing of a message whose sender hung up before the answer.
    await waitFor('the sink to see the killed worker hang up', async () =>
      (await system.control<{ held: number }>('/mail/fail')).held === 0 ? true : undefined,
    );

    const second = spawnApp('worker-login-mail', system.env);
    system.apps.set('worker-login-mail', second);
    await second.waitFor(/worker-login-mail started/, 60_000);
    await waitFor(
      'the job to complete in the second process',
      async () => ((await queue.getJobState(jobId)) === 'completed' ? true : undefined),
      60_000,
    );
    const mails = (await system.control<{ to: string[] }[]>('/mail')).filter((m) =>
      m.to.includes(addressOf(999)),
    );
    expect(mails).toHaveLength(1);
  }, 120_000);
});
