// The definition of the internal job `offer.follow_up`: its name, data and
// schema. Its handler is handlers/internal-offer-follow-up.ts.

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
