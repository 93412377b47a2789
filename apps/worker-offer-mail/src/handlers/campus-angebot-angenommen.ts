import type { EventHandler } from '@campus/queues';
import type { OfferDeps } from '../deps.js';
import { UnknownAngebotError } from '../errors.js';
import { FOLLOW_UP_STUFEN, followUpJobId } from '../offer-id.js';

export interface AcceptOutcome {
  angebotId: string;
  cancelledFollowUps: number;
}

/**
 * The website reports an accepted offer: mark it accepted, then cancel the
 * pending follow-ups. In that order, so a follow-up that starts in between
 * sees the acceptance and stays silent.
 *
 * An unknown id fails the job rather than completing it: the website and this
 * worker disagree about which offers exist (a mistyped id, another Redis or
 * prefix, an expired record), and the result of ignoring it would be
 * reminders to a customer who already said yes. A failed job is where an
 * operator sees that; a retry cannot fix it.
 */
export function handleCampusAngebotAngenommen(
  deps: OfferDeps,
): EventHandler<'campus.campus.angebot.angenommen'> {
  return async (event, ctx): Promise<AcceptOutcome> => {
    const angebotId = event.data.angebot_id;
    const log = ctx.log.child({ angebotId });
    const acceptedAt = event.data.angenommen_am ?? ctx.receivedAt;
    if (!(await deps.store.markAccepted(angebotId, acceptedAt))) {
      throw new UnknownAngebotError(
        `Angebot ${angebotId} is unknown to offer-mail: no offer with this id was sent, or its record has expired. ` +
          'Nothing was cancelled; check the angebot_id the website sent (ours look like ANG-2024-1a2b3c4d).',
      );
    }
    let cancelledFollowUps = 0;
    for (const stufe of FOLLOW_UP_STUFEN) {
      if (await ctx.cancel(followUpJobId(angebotId, stufe))) cancelledFollowUps++;
    }
    log.info({ cancelledFollowUps }, 'Angebot accepted: pending follow-ups cancelled');
    return { angebotId, cancelledFollowUps };
  };
}
