import { describe, expect } from 'vitest';
import { spawnApp, waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { RECIPIENT, test } from './world.js';

const env = (world: WorkerWorld) => ({
  ...world.env,
  CAMPUS_BASE_URL: 'https://campus.example',
  OFFER_FOLLOW_UP_DELAYS: '1h,2h,3h',
});

describe('the worker-offer-mail process', () => {
  test('mails an offer queued by the receiver and stops cleanly on SIGTERM', async ({ world }) => {
    const app = spawnApp('worker-offer-mail', env(world));
    try {
      await app.waitFor(/worker-offer-mail started/);
      const delivery = await world.deliver('campus', 'campus/form.b2b.angebot.submit.json', {
        webhookId: 'msg_main',
      });
      expect(delivery.status).toBe('accepted');
      expect((await world.settled('campus.msg_main')).state).toBe('completed');
      const [offer] = await waitFor('the offer mail', async () => {
        const mails = await world.mails(RECIPIENT);
        return mails.length > 0 ? mails : undefined;
      });
      expect(offer!.subject).toBe('Ihr Angebot für Nordwind Logistik GmbH');
      expect(app.output()).not.toContain(RECIPIENT);
    } finally {
      expect(await app.stop('SIGTERM')).toBe(0);
    }
  });

  test('refuses to start with follow-up delays out of order, naming the variable', async ({
    world,
  }) => {
    const app = spawnApp('worker-offer-mail', {
      ...env(world),
      OFFER_FOLLOW_UP_DELAYS: '7d,3d,14d',
    });
    expect(await app.exited).toBe(78);
    expect(app.output()).toContain('OFFER_FOLLOW_UP_DELAYS must increase');
  });
});
