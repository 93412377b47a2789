import { describe, expect } from 'vitest';
import { defineWorker } from '@campus/queues';
import { readFixture } from '@campus/testing';
import { workerTest } from './index.js';

const REQUEST = 'campus/form.login.magic_code.request.json';
const test = workerTest({ queue: 'login-mail' });

/** A login-mail worker that answers with the address, or fails for an address at example.org. */
const echoWorker = defineWorker({
  queue: 'login-mail',
  events: {
    'campus.form.login.magic_code.request': async (event) => {
      if (event.data.email.endsWith('@example.org')) throw new Error('upstream is down');
      return { email: event.data.email };
    },
  },
});
const request = (email: string) => ({ event: 'form.login.magic_code.request', data: { email } });

describe('the worker world', () => {
  test('delivers as the receiver queues: job name, event key, exact bytes, production retries', async ({
    world,
  }) => {
    const outcome = await world.deliver('campus', REQUEST, { webhookId: 'msg_world_1' });

    expect(outcome).toEqual({
      status: 'accepted',
      eventKey: 'campus.msg_world_1',
      queues: ['login-mail'],
      requeued: [],
    });
    const job = await world.queue.getJob('campus.msg_world_1');
    expect(job?.name).toBe('campus.form.login.magic_code.request');
    expect(job?.data).toMatchObject({
      source: 'campus',
      eventType: 'form.login.magic_code.request',
      rawBody: readFixture(REQUEST),
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_world_1' },
      senderRetryCount: null,
    });
    expect(job?.opts.attempts).toBe(8);
    expect(await world.deliver('campus', REQUEST, { webhookId: 'msg_world_1' })).toEqual({
      status: 'duplicate',
      eventKey: 'campus.msg_world_1',
    });
  });

  test("reports a worker's outcome: the return value, or the reason after the last attempt", async ({
    world,
  }) => {
    await world.startWorker(echoWorker);
    const done = await world.deliver('campus', request('erika@example.com'));
    const failing = await world.deliver('campus', request('erika@example.org'), {
      retries: { attempts: 3, backoffMs: 50 },
    });

    expect(await world.settled(done.eventKey)).toEqual({
      state: 'completed',
      failedReason: undefined,
      returnvalue: { email: 'erika@example.com' },
      attemptsMade: 1,
    });
    expect(await world.settled(failing.eventKey)).toMatchObject({
      state: 'failed',
      failedReason: 'upstream is down',
      attemptsMade: 3,
    });
  });

  test('refuses what the receiver would not queue for its domain, saying why', async ({
    world,
  }) => {
    await expect(world.deliver('campus', request('not-an-address'))).rejects.toThrow(
      /would quarantine this campus body \(invalid_payload: \/data\/email must match format "email"\)/,
    );
    await expect(world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json')).rejects.toThrow(
      'fakturia.DUNNING_CREATED is routed to dunning-mail, not to login-mail',
    );
    await expect(world.queueInvalid('campus', 'x', request('max@example.com'))).rejects.toThrow(
      /is valid \(routed\); deliver it/,
    );
  });

  test("reset stops the workers, deletes the world's keys and disarms the sandbox", async ({
    world,
  }) => {
    const running = await world.startWorker(echoWorker);
    await world.smtp.arm('refuse');
    await world.deliver('campus', REQUEST);

    await world.reset();

    expect(running.worker.isRunning()).toBe(false);
    expect(await world.connection.keys(`${world.prefix}:*`)).toEqual([]);
    expect((await world.smtp.status()).mode).toBeNull();
  });
});
