import { createHash } from 'node:crypto';

/**
 * `Z-2024-1A2B3C4D`: the year of completion and the first 8 hex digits of
 * sha256(eventKey). Derived from the event, not counted, so a retry or a
 * redelivery of the same request prints and mails the same number.
 */
export function zertifikatNummer(eventKey: string, abschlussDatum: string): string {
  const year = abschlussDatum.slice(0, 4);
  const digest = createHash('sha256').update(eventKey).digest('hex').slice(0, 8);
  return `Z-${year}-${digest}`.toUpperCase();
}
