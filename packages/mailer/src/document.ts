/**
 * What a template produces: the content of a mail as blocks. One renderer turns
 * it into the plain-text part and one into the HTML part, so the two always say
 * the same thing and escaping happens in exactly one place.
 */
export interface MailDocument {
  subject: string;
  /** The preview line clients show beside the subject; hidden in the HTML body. */
  preheader: string;
  /** "Guten Tag Erika Muster," – ends with a comma, the first paragraph starts in lower case. */
  greeting: string;
  blocks: readonly Block[];
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: readonly Fact[] }
  /** A link the reader is meant to follow: a button in HTML, the bare URL in text. */
  | { kind: 'action'; label: string; url: string }
  /** A code to type in elsewhere (login code), set large and monospaced. */
  | { kind: 'code'; code: string };

export interface Fact {
  label: string;
  value: string;
}

export const CLOSING = 'Mit freundlichen Grüßen';
export const SIGNATURE = 'Ihr Campus-Team';

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const action = (label: string, url: string): Block => ({ kind: 'action', label, url });

/** A facts table without the rows whose value is absent. */
export function facts(
  rows: ReadonlyArray<readonly [label: string, value: string | undefined]>,
): Block {
  return {
    kind: 'facts',
    rows: rows.flatMap(([label, value]) => (value === undefined ? [] : [{ label, value }])),
  };
}
