import { describe, expect } from 'vitest';
import { waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { verifyOfferToken } from '../src/offer-links.js';
import { BASE_URL, LINK_SECRET, RECIPIENT, acceptanceLinkOf, test } from './world.js';

const SUBMIT = 'campus/form.b2b.angebot.submit.json';
const FAST = ['300ms', '600ms', '900ms'];

/** Waits until the inbox holds `count` mails for the contact, then returns them. */
function inboxOf(world: WorkerWorld, count: number) {
  return waitFor(`${count} mails to the contact`, async () => {
    const mails = await world.mails(RECIPIENT);
    return mails.length >= count ? mails : undefined;
  });
}

/** Polls for `ms` and fails as soon as more than `count` mails are in the inbox. */
async function expectNoMoreThan(world: WorkerWorld, count: number, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    expect(await world.mails(RECIPIENT)).toHaveLength(count);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('an offer request from the B2B form', () => {
  test('mails the offer with the firm and both signed links, then follow_up_1..3 in order', async ({
    world,
    startOfferWorker,
  }) => {
    // One job at a time: on a busy machine two follow-ups 300 ms apart can fall due together,
    // and two parallel SMTP sessions may then finish in either order.
    await startOfferWorker({ delays: FAST, concurrency: 1 });
    const { eventKey } = await world.deliver('campus', SUBMIT, { webhookId: 'msg_offer_1' });
    expect((await world.settled(eventKey)).state).toBe('completed');

    const mails = await inboxOf(world, 4);
    const [initial, ...followUps] = mails;
    expect(initial!.subject).toBe('Ihr Angebot für Nordwind Logistik GmbH');
    expect(initial!.text).toContain('Guten Tag Jana Krüger,');
    const { angebotId, token } = acceptanceLinkOf(initial!);
    expect(angebotId).toMatch(/^ANG-\d{4}-[0-9a-f]{8}$/);
    expect(initial!.text).toContain(`${BASE_URL}/angebote/${angebotId}.pdf?token=${token}`);
    expect(initial!.text).toContain(`${BASE_URL}/angebote/${angebotId}/annehmen?token=${token}`);
    expect(verifyOfferToken(angebotId, token, LINK_SECRET)).toBe(true);

    expect(followUps.map((m) => m.subject)).toEqual([
      'Ihr Angebot für Nordwind Logistik GmbH: Haben Sie noch Fragen?',
      'Erinnerung: Ihr Angebot für Nordwind Logistik GmbH',
      'Letzte Erinnerung: Ihr Angebot für Nordwind Logistik GmbH',
    ]);
    for (const mail of followUps) {
      expect(mail.to).toEqual([RECIPIENT]);
      expect(acceptanceLinkOf(mail)).toEqual({ angebotId, token });
    }
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(4);
  });

  test('sends one offer and one set of follow-ups when the same submission comes twice', async ({
    world,
    startOfferWorker,
  }) => {
    await startOfferWorker({ delays: FAST });
    const twice = { webhookId: 'msg_offer_twice' };
    expect((await world.deliver('campus', SUBMIT, twice)).status).toBe('accepted');
    expect((await world.deliver('campus', SUBMIT, twice)).status).toBe('duplicate');
    expect((await world.settled('campus.msg_offer_twice')).state).toBe('completed');
    // The same event once more after it was done (a replay, or a redelivery after the receiver forgot the key).
    const { name, data } = world.jobFor('campus', SUBMIT, twice);
    await world.queue.add(name, data, { jobId: 'replay' });
    expect((await world.settled('replay')).state).toBe('completed');

    const mails = await inboxOf(world, 4);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Erinnerung: Ihr Angebot für Nordwind Logistik GmbH',
      'Ihr Angebot für Nordwind Logistik GmbH',
      'Ihr Angebot für Nordwind Logistik GmbH: Haben Sie noch Fragen?',
      'Letzte Erinnerung: Ihr Angebot für Nordwind Logistik GmbH',
    ]);
    await expectNoMoreThan(world, 4, 2_000);
  });

  test('retries the offer mail when the SMTP server turns it away, and it arrives once', async ({
    world,
    startOfferWorker,
  }) => {
    await world.smtp.arm('refuse', 1);
    await startOfferWorker({ delays: ['1h', '2h', '3h'] });
    const { eventKey } = await world.deliver('campus', SUBMIT, { webhookId: 'msg_offer_smtp' });
    const { state, attemptsMade } = await world.settled(eventKey);
    expect(state).toBe('completed');
    // The refused attempt and the one that went through.
    expect(attemptsMade).toBe(2);
    expect((await world.smtp.status()).applied.refuse).toBe(1);
    const [offer] = await inboxOf(world, 1);
    expect(offer!.subject).toBe('Ihr Angebot für Nordwind Logistik GmbH');
    await expectNoMoreThan(world, 1, 1_000);
  });
});
