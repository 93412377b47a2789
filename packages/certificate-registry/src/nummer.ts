import { randomInt } from 'node:crypto';

/**
 * Crockford's base 32: digits and letters without I, L, O and U, so a number
 * read out over the phone or typed from paper has no look-alikes.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 32^6 ≈ 1.07 billion numbers a year: a collision is rare, and detected when it happens. */
const SUFFIX_LENGTH = 6;
const NUMMER = /^Z-(\d{4})-([0-9A-Z]{6})$/;

/** A fresh candidate `Z-2026-7K3M9Q` for the completion year; the registry reserves it or asks for another. */
export function randomNummer(year: string): string {
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `Z-${year}-${suffix}`;
}

/**
 * A number as a person typed it, in the form the registry keeps: upper case,
 * and the look-alikes Crockford's alphabet leaves out read as what they look
 * like (O → 0, I and L → 1). Undefined for anything that is not a number.
 */
export function normaliseNummer(input: string): string | undefined {
  const match = NUMMER.exec(input.trim().toUpperCase());
  if (!match) return undefined;
  const suffix = match[2]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (/U/.test(suffix)) return undefined;
  return `Z-${match[1]}-${suffix}`;
}
