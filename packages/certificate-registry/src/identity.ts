import { createHash } from 'node:crypto';

/** What makes two certificate requests the same certificate. */
export interface CertificateIdentity {
  /** The participant's e-mail address; compared case-insensitively. */
  email: string;
  /** The course as the website names it; compared after Unicode NFC, case and spacing are evened out. */
  kurs: string;
  /** `2026-03-14` */
  abschlussDatum: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Text compared as a person reads it: NFC, spaces collapsed, trimmed, lower case. */
function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The participant as a key: the sha256 of the address in lower case, so the
 * registry can find a participant's certificates (to erase them) without
 * keeping the address.
 */
export function participantKey(email: string): string {
  return sha256(comparable(email));
}

/** One certificate per participant, course and completion date: the sha256 of the three. */
export function certificateIdentity(identity: CertificateIdentity): string {
  return sha256(
    [participantKey(identity.email), comparable(identity.kurs), identity.abschlussDatum].join('\n'),
  );
}
