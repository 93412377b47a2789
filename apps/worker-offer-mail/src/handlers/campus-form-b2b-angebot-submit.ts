import { composeMail, sendOnce, type AngebotInitialVars } from '@campus/mailer';
import type { EventHandler } from '@campus/queues';
import type { OfferDeps } from '../deps.js';
import { FOLLOW_UP_JOB, type FollowUpJobData } from '../follow-up-job.js';
import { FOLLOW_UP_STUFEN, deriveAngebotId, followUpJobId } from '../offer-id.js';
import { buildOfferLinks } from '../offer-links.js';

export interface SubmitOutcome {
  angebotId: string;
  messageId: string;
  followUps: string[];
}

/**
 * A company asked for an offer: record it, mail `angebot_initial` with the
 * signed PDF and acceptance links, and schedule the three follow-ups. The
 * mail goes first: an offer whose mail fails for good gets no reminders.
 */
export function handleCampusFormB2bAngebotSubmit(
  deps: OfferDeps,
): EventHandler<'campus.form.b2b.angebot.submit'> {
  return async (event, ctx): Promise<SubmitOutcome> => {
    const form = event.data;
    const angebotId = deriveAngebotId(ctx.eventKey, ctx.receivedAt);
    const log = ctx.log.child({ angebotId });
    const links = buildOfferLinks(deps.settings.baseUrl, deps.settings.linkSecret, angebotId);
    await deps.store.open(angebotId, { eventKey: ctx.eventKey, createdAt: ctx.receivedAt });

    const to = form.ansprechpartner.email;
    const ansprechpartnerName =
      `${form.ansprechpartner.vorname} ${form.ansprechpartner.nachname}`.trim();
    const vars: AngebotInitialVars = {
      firma_name: form.firma.name,
      ansprechpartner_name: ansprechpartnerName,
      ...links,
      laufzeit_monate: form.laufzeit_monate,
    };
    if (form.teilnehmer_anzahl !== undefined) vars.teilnehmer_anzahl = form.teilnehmer_anzahl;
    const sent = await sendOnce(ctx, deps, composeMail('angebot_initial', { to, vars }));

    const followUps = await ctx.once('follow-ups', async () => {
      // A retry that runs after the acceptance must not bring the reminders back.
      if ((await deps.store.get(angebotId))?.status === 'accepted') return [];
      const sentAt = Date.parse(sent.sentAt);
      const jobIds: string[] = [];
      for (const stufe of FOLLOW_UP_STUFEN) {
        const data: FollowUpJobData = {
          angebot_id: angebotId,
          stufe,
          to,
          firma_name: form.firma.name,
          annahme_link: links.annahme_link,
        };
        if (ansprechpartnerName !== '') data.ansprechpartner_name = ansprechpartnerName;
        const jobId = followUpJobId(angebotId, stufe);
        // Counted from when the offer went out, so a late retry does not push the reminders back.
        const due = sentAt + deps.settings.followUpDelaysMs[stufe - 1]!;
        await ctx.enqueue(FOLLOW_UP_JOB, data, { jobId, delayMs: Math.max(0, due - Date.now()) });
        jobIds.push(jobId);
      }
      return jobIds;
    });

    log.info({ messageId: sent.messageId, followUps: followUps.length }, 'Angebot sent');
    return { angebotId, messageId: sent.messageId, followUps };
  };
}
