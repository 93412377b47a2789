import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp } from '@campus/testing';
import { PREFIX, RECIPIENT, settled, startHarness, waitFor, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.reset();
  await h.close();
});

const env = () => ({
  REDIS_URL: h.redisUrl,
  QUEUE_PREFIX: PREFIX,
  SMTP_URL: h.smtpUrl,
  CAMPUS_BASE_URL: 'https://campus.example',
  OFFER_FOLLOW_UP_DELAYS: '1h,2h,3h',
});

describe('the worker-offer-mail process', () => {
  it('mails an offer queued by the receiver and stops cleanly on SIGTERM', async () => {
    const app = spawnApp('worker-offer-mail', env());
    try {
      await app.waitFor(/worker-offer-mail started/);
      expect(await h.deliverCampusEvent('campus/form.b2b.angebot.submit.json', 'msg_main')).toBe(
        'accepted',
      );
      expect(await settled(h.queues, 'campus.msg_main')).toBe('completed');
      const [offer] = await waitFor(async () => {
        const mails = await h.mailsTo(RECIPIENT);
        return mails.length > 0 ? mails : undefined;
      }, 'the offer mail');
      expect(offer!.subject).toBe('Ihr Angebot für Nordwind Logistik GmbH');
      expect(app.output()).not.toContain(RECIPIENT);
    } finally {
      expect(await app.stop('SIGTERM')).toBe(0);
    }
  });

  it('refuses to start with follow-up delays out of order, naming the variable', async () => {
    const app = spawnApp('worker-offer-mail', { ...env(), OFFER_FOLLOW_UP_DELAYS: '7d,3d,14d' });
    expect(await app.exited).toBe(78);
    expect(app.output()).toContain('OFFER_FOLLOW_UP_DELAYS must increase');
  });
});
