import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyOfferToken } from '../src/offer-links.js';
import {
  BASE_URL,
  LINK_SECRET,
  RECIPIENT,
  acceptanceLinkOf,
  settled,
  startHarness,
  waitFor,
  type Harness,
} from './harness.js';

const SUBMIT = 'campus/form.b2b.angebot.submit.json';
const FAST = ['300ms', '600ms', '900ms'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.reset();
});
afterAll(async () => {
  await h.close();
});

/** Waits until the inbox holds `count` mails for the contact, then returns them. */
function inboxOf(count: number) {
  return waitFor(async () => {
    const mails = await h.mailsTo(RECIPIENT);
    return mails.length >= count ? mails : undefined;
  }, `${count} mails to the contact`);
}

/** Polls for `ms` and fails as soon as more than `count` mails are in the inbox. */
async function expectNoMoreThan(count: number, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    expect(await h.mailsTo(RECIPIENT)).toHaveLength(count);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('an offer request from the B2B form', () => {
  it('mails the offer with the firm and both signed links, then follow_up_1..3 in order', async () => {
    // One job at a time: on a busy machine two follow-ups 300 ms apart can fall due together,
    // and two parallel SMTP sessions may then finish in either order.
    await h.startOfferWorker({ delays: FAST, concurrency: 1 });
    const jobId = await h.queueCampusEvent(SUBMIT, 'msg_offer_1');
    expect(await settled(h.queues, jobId)).toBe('completed');

    const mails = await inboxOf(4);
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

  it('sends one offer and one set of follow-ups when the same submission comes twice', async () => {
    await h.startOfferWorker({ delays: FAST });
    expect(await h.deliverCampusEvent(SUBMIT, 'msg_offer_twice')).toBe('accepted');
    expect(await h.deliverCampusEvent(SUBMIT, 'msg_offer_twice')).toBe('duplicate');
    expect(await settled(h.queues, 'campus.msg_offer_twice')).toBe('completed');
    // The same event once more after it was done (a replay, or a redelivery after the receiver forgot the key).
    const replay = await h.queueCampusEvent(SUBMIT, 'msg_offer_twice', undefined, 'replay');
    expect(await settled(h.queues, replay)).toBe('completed');

    const mails = await inboxOf(4);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Erinnerung: Ihr Angebot für Nordwind Logistik GmbH',
      'Ihr Angebot für Nordwind Logistik GmbH',
      'Ihr Angebot für Nordwind Logistik GmbH: Haben Sie noch Fragen?',
      'Letzte Erinnerung: Ihr Angebot für Nordwind Logistik GmbH',
    ]);
    await expectNoMoreThan(4, 2_000);
  });

  it('retries the offer mail when the SMTP server turns it away, and it arrives once', async () => {
    await h.smtp.arm('refuse', 1);
    await h.startOfferWorker({ delays: ['1h', '2h', '3h'] });
    const jobId = await h.queueCampusEvent(SUBMIT, 'msg_offer_smtp');
    expect(await settled(h.queues, jobId)).toBe('completed');
    const job = await h.queues.domain['offer-mail'].getJob(jobId);
    // The refused attempt and the one that went through.
    expect(job?.attemptsMade).toBe(2);
    expect((await h.smtp.status()).applied.refuse).toBe(1);
    const [offer] = await inboxOf(1);
    expect(offer!.subject).toBe('Ihr Angebot für Nordwind Logistik GmbH');
    await expectNoMoreThan(1, 1_000);
  });
});
