import { defineWorker } from '@campus/queues';
import type { OfferDeps } from './deps.js';
import { FOLLOW_UP_JOB, FOLLOW_UP_JOB_SCHEMA, type FollowUpJobData } from './follow-up-job.js';
import { handleCampusAngebotAngenommen } from './handlers/campus-angebot-angenommen.js';
import { handleCampusFormB2bAngebotSubmit } from './handlers/campus-form-b2b-angebot-submit.js';
import { handleOfferFollowUp } from './handlers/internal-offer-follow-up.js';

/** The offer-mail worker: the initial offer mail, three follow-ups, and their cancellation on acceptance. */
export function createOfferWorker(deps: OfferDeps) {
  return defineWorker<'offer-mail', { [FOLLOW_UP_JOB]: FollowUpJobData }>({
    queue: 'offer-mail',
    events: {
      'campus.form.b2b.angebot.submit': handleCampusFormB2bAngebotSubmit(deps),
      'campus.campus.angebot.angenommen': handleCampusAngebotAngenommen(deps),
    },
    jobs: {
      [FOLLOW_UP_JOB]: { schema: FOLLOW_UP_JOB_SCHEMA, handle: handleOfferFollowUp(deps) },
    },
  });
}
