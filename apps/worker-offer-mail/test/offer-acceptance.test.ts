import { describe, expect } from 'vitest';
import { waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { RECIPIENT, acceptanceLinkOf, campusBody, test } from './world.js';

const SUBMIT = 'campus/form.b2b.angebot.submit.json';
const ACCEPTED = 'campus/campus.angebot.angenommen.json';

/** Submits the form and returns the offer id from the mail's acceptance link once it arrived. */
async function submitAndReadOffer(world: WorkerWorld, webhookId: string): Promise<string> {
  const { eventKey } = await world.deliver('campus', SUBMIT, { webhookId });
  expect((await world.settled(eventKey)).state).toBe('completed');
  const [offer] = await waitFor('the offer mail', async () => {
    const mails = await world.mails(RECIPIENT);
    return mails.length > 0 ? mails : undefined;
  });
  return acceptanceLinkOf(offer!).angebotId;
}

/** The website's campus.angebot.angenommen for `angebotId`; returns its job id. */
async function accept(world: WorkerWorld, webhookId: string, angebotId: string) {
  const body = campusBody(ACCEPTED, { angebot_id: angebotId });
  return (await world.deliver('campus', body, { webhookId })).eventKey;
}

describe('an accepted offer', () => {
  test('gets no follow-ups: the pending ones are cancelled', async ({
    world,
    startOfferWorker,
  }) => {
    // Delays long enough that the acceptance is handled before the first one is due, even on a busy machine.
    await startOfferWorker({ delays: ['2s', '2500ms', '3s'] });
    const submittedAt = Date.now();
    const angebotId = await submitAndReadOffer(world, 'msg_offer_accept');

    const acceptJob = await accept(world, 'msg_accept_1', angebotId);
    const { state, returnvalue } = await world.settled(acceptJob);
    expect(state).toBe('completed');
    expect(returnvalue).toEqual({ angebotId, cancelledFollowUps: 3 });

    // Past the last follow-up's time and 2 s more: still only the offer itself.
    while (Date.now() < submittedAt + 3_000 + 2_000) {
      expect(await world.mails(RECIPIENT)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await world.mails(RECIPIENT)).toHaveLength(1);
  });

  test('sends nothing from a follow-up that was already under way when the acceptance came', async ({
    world,
    startOfferWorker,
  }) => {
    await startOfferWorker({ delays: ['1h', '2h', '3h'] });
    const angebotId = await submitAndReadOffer(world, 'msg_offer_race');
    const acceptJob = await accept(world, 'msg_accept_race', angebotId);
    expect((await world.settled(acceptJob)).state).toBe('completed');

    // A follow-up the cancel could not reach (it was already running) comes through after all.
    const late = `followup.${angebotId}.2.late`;
    await world.queue.add(
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
    const { state, returnvalue } = await world.settled(late);
    expect(state).toBe('completed');
    expect(returnvalue).toEqual({ angebotId, stufe: 2, skipped: 'accepted' });
    expect(await world.mails(RECIPIENT)).toHaveLength(1);
  });

  test('fails at once, naming the id, when the offer is unknown', async ({
    world,
    startOfferWorker,
  }) => {
    await startOfferWorker({ delays: ['1h', '2h', '3h'] });
    const { eventKey } = await world.deliver('campus', ACCEPTED, {
      webhookId: 'msg_accept_unknown',
    });
    const { state, attemptsMade, failedReason } = await world.settled(eventKey);
    expect(state).toBe('failed');
    expect(attemptsMade).toBe(1);
    expect(failedReason).toMatch(/^UnknownAngebotError: Angebot ANG-2024-0001 is unknown/);
  });
});
