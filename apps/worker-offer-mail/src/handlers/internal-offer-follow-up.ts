import { composeMail, sendOnce, type FollowUpVars } from '@campus/mailer';
import type { InternalJob } from '@campus/queues';
import type { OfferDeps } from '../deps.js';
import { UnknownAngebotError } from '../errors.js';
import type { FollowUpJobData } from '../follow-up-job.js';

export type FollowUpOutcome =
  | { angebotId: string; stufe: number; messageId: string }
  | { angebotId: string; stufe: number; skipped: 'accepted' };

/**
 * Sends `follow_up_<stufe>` unless the offer was accepted meanwhile. The
 * acceptance cancels pending follow-ups; this check covers one that was
 * already running when the acceptance came in.
 */
export function handleOfferFollowUp(deps: OfferDeps): InternalJob<FollowUpJobData>['handle'] {
  return async (data, ctx): Promise<FollowUpOutcome> => {
    const { angebot_id: angebotId, stufe } = data;
    const log = ctx.log.child({ angebotId, stufe });
    const offer = await deps.store.get(angebotId);
    if (offer === undefined) {
      throw new UnknownAngebotError(
        `Follow-up ${stufe} for Angebot ${angebotId} not sent: the offer has no record (expired or deleted), so whether it was accepted is unknown.`,
      );
    }
    if (offer.status === 'accepted') {
      log.info('Angebot already accepted: follow-up not sent');
      return { angebotId, stufe, skipped: 'accepted' };
    }

    const template = `follow_up_${stufe}` as const;
    const vars: FollowUpVars = { firma_name: data.firma_name, annahme_link: data.annahme_link };
    if (data.ansprechpartner_name) vars.ansprechpartner_name = data.ansprechpartner_name;
    const sent = await sendOnce(ctx, deps, composeMail(template, { to: data.to, vars }));
    log.info({ messageId: sent.messageId }, 'follow-up sent');
    return { angebotId, stufe, messageId: sent.messageId };
  };
}
