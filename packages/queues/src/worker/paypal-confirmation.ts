import { NonRetriableError } from '@campus/errors';
import {
  isMoneyMovingPaypalEvent,
  type EventJobData,
  type PaypalConfirmation,
  type PaypalEvent,
  type QuarantineJobData,
} from '@campus/events';
import type { JobContext, PaypalEventConfirmer } from './catalog.js';

/**
 * PayPal's own copy of a money-moving event disagrees with the one we received,
 * or PayPal never sent it: a forgery that passed the receiver (a CRC32 fixed
 * inside the transmission window, docs/security-paypal.md). Nothing was done;
 * the payload is in the quarantine.
 */
export class PaypalEventNotConfirmedError extends NonRetriableError {
  override name = 'PaypalEventNotConfirmedError';

  constructor(
    readonly eventId: string,
    eventType: string,
    reason: string,
    readonly quarantineJobId: string,
  ) {
    super(
      `PayPal does not confirm ${eventType} ${eventId}: ${reason}. Nothing was done with it; the payload ` +
        `is kept in the quarantine as job ${quarantineJobId}. Treat it as forged unless PayPal's Webhooks ` +
        'events dashboard shows this event with these values; then retry that quarantine job, and the ' +
        'worker asks PayPal again',
    );
  }
}

/** A money-moving PayPal event reached a worker that was given no way to confirm it. */
export class PaypalConfirmationMissingError extends NonRetriableError {
  override name = 'PaypalConfirmationMissingError';

  constructor(queue: string, eventType: string) {
    super(
      `The ${queue} worker received ${eventType}, which moves money, but was built without confirmPaypalEvents, ` +
        'so it cannot confirm the event with PayPal and does not act on it. Give the worker definition ' +
        'confirmPaypalEvents (paypalEventConfirmer in @campus/clients), then retry the job',
    );
  }
}

/** A "no" from PayPal, thrown inside the memoised step so that only a "yes" is ever recorded. */
class NotConfirmed extends Error {
  override name = 'NotConfirmed';

  constructor(readonly answer: Extract<PaypalConfirmation, { confirmed: false }>) {
    super(answer.reason);
  }
}

/** Where the differing fields are, in the quarantine's terms (JSON pointers, no values). */
function detailsOf(answer: Extract<PaypalConfirmation, { confirmed: false }>) {
  if (answer.mismatches.length === 0) return [{ path: '/id', message: answer.reason }];
  return answer.mismatches.map((field) => ({
    path: `/${field.replaceAll('.', '/')}`,
    message: "differs from PayPal's copy of the event",
  }));
}

export interface ConfirmationStep {
  confirm: PaypalEventConfirmer | undefined;
  /** Keeps a payload in the quarantine queue; returns the quarantine job's id. */
  quarantine(data: QuarantineJobData): Promise<string>;
}

/**
 * The first step of every money-moving PayPal job (issue #9), before its
 * handler: PayPal's own copy of the event must agree with the body received.
 * The answer "yes" is remembered for the job (`ctx.once`), so a retry of a
 * handler does not ask again; "no" moves the body to the quarantine with the
 * reason and fails the job for good; PayPal unreachable throws the client's
 * error, which is retried (429 and 503 wait). Other jobs pass untouched.
 */
export async function confirmBeforeHandling(
  job: EventJobData,
  body: unknown,
  ctx: JobContext,
  step: ConfirmationStep,
): Promise<void> {
  if (job.source !== 'paypal' || !isMoneyMovingPaypalEvent(job.eventType)) return;
  const { confirm } = step;
  if (confirm === 'off') return;
  if (confirm === undefined) throw new PaypalConfirmationMissingError(ctx.queue, job.eventType);
  const event = body as PaypalEvent<Record<string, unknown>>;
  try {
    await ctx.once('paypal-confirmed', async () => {
      const answer = await confirm(event, ctx.signal);
      if (!answer.confirmed) throw new NotConfirmed(answer);
      return true;
    });
  } catch (error) {
    if (!(error instanceof NotConfirmed)) throw error;
    const quarantineJobId = await step.quarantine({
      source: job.source,
      rawBody: job.rawBody,
      receivedAt: job.receivedAt,
      headers: job.headers,
      reason: 'unconfirmed',
      details: detailsOf(error.answer),
    });
    ctx.log.warn(
      { paypalEventId: event.id, mismatches: error.answer.mismatches, quarantineJobId },
      'PayPal does not confirm the event: quarantined, nothing done',
    );
    throw new PaypalEventNotConfirmedError(
      event.id,
      job.eventType,
      error.answer.reason,
      quarantineJobId,
    );
  }
  ctx.log.info({ paypalEventId: event.id }, 'event confirmed by PayPal');
}
