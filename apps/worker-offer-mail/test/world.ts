import { readFixture } from '@campus/testing';
import { workerTest, type SinkMail } from '@campus/worker-testing';
import { resolveOfferSettings } from '../src/offer-settings.js';
import { createOfferStore } from '../src/offer-store.js';
import { createOfferWorker } from '../src/worker.js';

export const LINK_SECRET = 'test-offer-link-secret';
export const BASE_URL = 'https://campus.example';
export const RECIPIENT = 'jana.krueger@nordwind-logistik.example';

/**
 * The offer-mail world (a refused job is retried after 200 ms, not 10 s) and
 * `startOfferWorker`, which runs the worker in this process as main.ts wires
 * it, with the follow-up delays a test needs.
 */
export const test = workerTest({
  queue: 'offer-mail',
  retries: { attempts: 3, backoffMs: 200 },
}).extend('startOfferWorker', ({ world }) => {
  return async ({ delays, concurrency = 2 }: { delays: string[]; concurrency?: number }) => {
    const mailer = world.createMailer();
    const definition = createOfferWorker({
      store: createOfferStore(world.connection, world.prefix),
      settings: resolveOfferSettings({
        baseUrl: BASE_URL,
        linkSecret: LINK_SECRET,
        followUpDelays: delays,
      }),
      mailer,
      from: world.config.mail.from,
    });
    return world.startWorker(definition, {
      settings: { lockMs: 5_000, stalledIntervalMs: 2_000, concurrency },
    });
  };
});

/** A Campus fixture's body with its `data` replaced, as the website would post it. */
export function campusBody(fixture: string, data: object): object {
  return { ...(JSON.parse(readFixture(fixture)) as object), data };
}

/** The offer id and token in the acceptance link of a mail, as the website would receive them. */
export function acceptanceLinkOf(mail: SinkMail): { angebotId: string; token: string } {
  const match = /\/angebote\/(ANG-\d{4}-[0-9a-f]{8})\/annehmen\?token=([\w-]+)/.exec(
    mail.text ?? '',
  );
  if (!match?.[1] || !match[2]) throw new Error(`No acceptance link in mail "${mail.subject}"`);
  return { angebotId: match[1], token: match[2] };
}
