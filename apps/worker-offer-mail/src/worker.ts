import { defineWorker, type createProducerConnection } from '@campus/queues';
import type { Mailer } from '@campus/mailer';
import { acceptOffer } from './accept-offer.js';
import {
  FOLLOW_UP_JOB,
  FOLLOW_UP_JOB_SCHEMA,
  sendFollowUp,
  type FollowUpJobData,
} from './follow-up-job.js';
import type { OfferDeps } from './offer-deps.js';
import { resolveOfferSettings, type OfferOptions } from './offer-settings.js';
import { createOfferStore } from './offer-store.js';
import { submitOffer } from './submit-offer.js';

export interface OfferWorkerOptions {
  /** Holds the offer records; the same Redis as the queue. */
  redis: ReturnType<typeof createProducerConnection>;
  /** QUEUE_PREFIX: offer records live under `${prefix}:offer:…`. */
  prefix: string;
  mailer: Mailer;
  mailFrom: string;
  offers: OfferOptions;
  /** How long an offer record is kept; DEFAULT_OFFER_TTL_SECONDS unless given. */
  offerTtlSeconds?: number;
}

/** The offer-mail worker: the initial offer mail, three follow-ups, and their cancellation on acceptance. */
export function createOfferWorker(options: OfferWorkerOptions) {
  const deps: OfferDeps = {
    store: createOfferStore(options.redis, options.prefix, options.offerTtlSeconds),
    mailer: options.mailer,
    from: options.mailFrom,
    settings: resolveOfferSettings(options.offers),
  };
  return defineWorker<'offer-mail', { [FOLLOW_UP_JOB]: FollowUpJobData }>({
    queue: 'offer-mail',
    events: {
      'campus.form.b2b.angebot.submit': (event, ctx) => submitOffer(deps, event, ctx),
      'campus.campus.angebot.angenommen': (event, ctx) => acceptOffer(deps, event, ctx),
    },
    jobs: {
      [FOLLOW_UP_JOB]: {
        schema: FOLLOW_UP_JOB_SCHEMA,
        handle: (data, ctx) => sendFollowUp(deps, data, ctx),
      },
    },
  });
}
