import type { MailJob } from '@campus/mailer';
import { runOnce, type RunOnceOptions } from '@campus/queues';
import type { RedisClient } from '@campus/queues';

/**
 * The idempotent send step per certificate instead of per event: two
 * requests for the same certificate (a resubmitted form, a new webhook-id)
 * are two jobs, and both ask for this step. The first sends; the other waits
 * for its outcome while it runs and then reads it, so the participant gets
 * one mail. The Message-ID is derived from the certificate number.
 */
export function createZertifikatMailOnce(
  redis: RedisClient,
  prefix: string,
  options: Pick<RunOnceOptions, 'ttlSeconds' | 'leaseMs'>,
): (nummer: string) => MailJob {
  return (nummer) => ({
    eventKey: `zertifikat:${nummer}`,
    once: (step, effect) =>
      runOnce(
        redis,
        `${prefix}:outcome:certificate-mail:zertifikat:${nummer}:${step}`,
        options,
        effect,
      ),
  });
}

/** `2026-03-20`: the day in Berlin, the issue date a certificate prints. */
export function berlinDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);
}
