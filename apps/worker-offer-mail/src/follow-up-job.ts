import type { JobContext } from '@campus/queues';
import { composeMail, sendOnce, type FollowUpVars } from '@campus/mailer';
import { UnknownAngebotError } from './errors.js';
import type { OfferDeps } from './offer-deps.js';

export const FOLLOW_UP_JOB = 'offer.follow_up';

/** Data of an `offer.follow_up` job: everything its mail needs, so it never looks up the form. */
export interface FollowUpJobData {
  angebot_id: string;
  stufe: 1 | 2 | 3;
  to: string;
  firma_name: string;
  ansprechpartner_name?: string;
  annahme_link: string;
}

export const FOLLOW_UP_JOB_SCHEMA = {
  type: 'object',
  required: ['angebot_id', 'stufe', 'to', 'firma_name', 'annahme_link'],
  properties: {
    angebot_id: { type: 'string', minLength: 1 },
    stufe: { enum: [1, 2, 3] },
    to: { type: 'string', format: 'email' },
    firma_name: { type: 'string', minLength: 1 },
    ansprechpartner_name: { type: 'string' },
    annahme_link: { type: 'string', format: 'uri' },
  },
};

export type FollowUpOutcome =
  | { angebotId: string; stufe: number; messageId: string }
  | { angebotId: string; stufe: number; skipped: 'accepted' };

/**
 * Sends `follow_up_<stufe>` unless the offer was accepted meanwhile. The
 * acceptance cancels pending follow-ups; this check covers one that was
 * already running when the acceptance came in.
 */
export async function sendFollowUp(
  deps: OfferDeps,
  data: FollowUpJobData,
  ctx: JobContext,
): Promise<FollowUpOutcome> {
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
}
