import { createHash } from 'node:crypto';
import { InvalidOfferJobError } from './errors.js';

/** Offer ids we issue: `ANG-2024-1a2b3c4d`. */
export const ANGEBOT_ID_PATTERN = /^ANG-\d{4}-[0-9a-f]{8}$/;

const berlinYear = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', year: 'numeric' });

/**
 * The offer id of a B2B form submission: the year it arrived (German time)
 * and 8 hex digits of the event key's hash. Derived, not counted, so a retry
 * or a second worker process arrives at the same id without coordination.
 */
export function deriveAngebotId(eventKey: string, receivedAt: string): string {
  const received = new Date(receivedAt);
  if (Number.isNaN(received.getTime())) {
    throw new InvalidOfferJobError(
      `The job's receivedAt (${JSON.stringify(receivedAt)}) is not a date; the receiver sets it, so the job was not queued by the receiver.`,
    );
  }
  const hex = createHash('sha256').update(eventKey, 'utf8').digest('hex').slice(0, 8);
  return `ANG-${berlinYear.format(received)}-${hex}`;
}

/** The job id of a follow-up; BullMQ ids must not contain ':'. */
export function followUpJobId(angebotId: string, stufe: 1 | 2 | 3): string {
  return `followup.${angebotId}.${stufe}`;
}

export const FOLLOW_UP_STUFEN = [1, 2, 3] as const;
