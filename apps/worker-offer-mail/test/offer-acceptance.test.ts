import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  RECIPIENT,
  acceptanceLinkOf,
  settled,
  startHarness,
  waitFor,
  type Harness,
} from './harness.js';

const SUBMIT = 'campus/form.b2b.angebot.submit.json';
const ACCEPTED = 'campus/campus.angebot.angenommen.json';

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

/** Submits the form and returns the offer id from the mail's acceptance link once it arrived. */
async function submitAndReadOffer(webhookId: string): Promise<string> {
  const jobId = await h.queueCampusEvent(SUBMIT, webhookId);
  expect(await settled(h.queues, jobId)).toBe('completed');
  const [offer] = await waitFor(async () => {
    const mails = await h.mailsTo(RECIPIENT);
    return mails.length > 0 ? mails : undefined;
  }, 'the offer mail');
  return acceptanceLinkOf(offer!).angebotId;
}

describe('an accepted offer', () => {
  it('gets no follow-ups: the pending ones are cancelled', async () => {
    // Delays long enough that the acceptance is handled before the first one is due, even on a busy machine.
    await h.startOfferWorker({ delays: ['2s', '2500ms', '3s'] });
    const submittedAt = Date.now();
    const angebotId = await submitAndReadOffer('msg_offer_accept');

    const acceptJob = await h.queueCampusEvent(ACCEPTED, 'msg_accept_1', {
      angebot_id: angebotId,
    });
    expect(await settled(h.queues, acceptJob)).toBe('completed');
    const job = await h.queues.domain['offer-mail'].getJob(acceptJob);
    expect(job?.returnvalue).toEqual({ angebotId, cancelledFollowUps: 3 });

    // Past the last follow-up's time and 2 s more: still only the offer itself.
    while (Date.now() < submittedAt + 3_000 + 2_000) {
      expect(await h.mailsTo(RECIPIENT)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await h.mailsTo(RECIPIENT)).toHaveLength(1);
  });

  it('sends nothing from a follow-up that was already under way when the acceptance came', async () => {
    await h.startOfferWorker({ delays: ['1h', '2h', '3h'] });
    const angebotId = await submitAndReadOffer('msg_offer_race');
    const acceptJob = await h.queueCampusEvent(ACCEPTED, 'msg_accept_race', {
      angebot_id: angebotId,
    });
    expect(await settled(h.queues, acceptJob)).toBe('completed');

    // A follow-up the cancel could not reach (it was already running) comes through after all.
    const late = `followup.${angebotId}.2.late`;
    await h.queues.domain['offer-mail'].add(
      'offer.follow_up',
      {
        angebot_id: angebotId,
        stufe: 2,
        to: RECIPIENT,
        firma_name: 'Nordwind Logistik GmbH',
        annahme_link: `https://campus.example/angebote/${angebotId}/annehmen?token=x`,
      },
      { jobId: late },
    );
    expect(await settled(h.queues, late)).toBe('completed');
    const job = await h.queues.domain['offer-mail'].getJob(late);
    expect(job?.returnvalue).toEqual({ angebotId, stufe: 2, skipped: 'accepted' });
    expect(await h.mailsTo(RECIPIENT)).toHaveLength(1);
  });

  it('fails at once, naming the id, when the offer is unknown', async () => {
    await h.startOfferWorker({ delays: ['1h', '2h', '3h'] });
    const jobId = await h.queueCampusEvent(ACCEPTED, 'msg_accept_unknown');
    expect(await settled(h.queues, jobId)).toBe('failed');
    const job = await h.queues.domain['offer-mail'].getJob(jobId);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/^UnknownAngebotError: Angebot ANG-2024-0001 is unknown/);
  });
});
