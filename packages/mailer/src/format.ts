import { MailTemplateError } from './errors.js';

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

// ICU puts a no-break space (U+00A0, in some ICU versions U+202F) between the
// amount and the sign. We write a plain space: the text part then looks, copies
// and searches the same in every client, and the ICU version cannot change the
// bytes of a mail. Amounts stand in short lines or table cells, where a line
// break before the "€" does not happen in practice.
const ICU_SPACES = /[\u00a0\u202f]/g;

/** `1234.5` → `1.234,50 €` (German grouping and decimals, plain space before €). */
export function formatEuro(amount: number): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    throw new MailTemplateError(
      `formatEuro needs a finite number of euros, got ${describe(amount)}; convert the amount (e.g. Number("12.50")) before rendering`,
      undefined,
    );
  }
  return euro.format(amount).replace(ICU_SPACES, ' ');
}

const berlinDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date-time without "Z" or an offset is a local (Berlin) time: its date part is the date.
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?$/;

/**
 * A calendar date as `15.05.2024`. Takes `2024-05-15`, an ISO date-time (with
 * an offset it is converted to Europe/Berlin first) or a Date (read in Berlin).
 */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    const plain = PLAIN_DATE.exec(trimmed) ?? LOCAL_DATE_TIME.exec(trimmed);
    if (plain) return formatParts(plain[1], plain[2], plain[3], value);
    return formatInstant(new Date(trimmed), value);
  }
  if (value instanceof Date) return formatInstant(value, value);
  throw invalidDate(value);
}

const berlinTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The time of day in Germany as `14:05`, for an ISO date-time with an offset
 * (or `Z`) or a Date; undefined for a plain date or a local date-time, which
 * name no instant.
 */
export function formatTime(value: string | Date): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (PLAIN_DATE.test(trimmed) || LOCAL_DATE_TIME.test(trimmed)) return undefined;
    value = new Date(trimmed);
  }
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return undefined;
  return berlinTime.format(value);
}

function formatParts(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  original: string,
): string {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw invalidDate(original);
  }
  return `${day}.${month}.${year}`;
}

function formatInstant(date: Date, original: unknown): string {
  if (Number.isNaN(date.getTime())) throw invalidDate(original);
  const parts = Object.fromEntries(
    berlinDate.formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year}`;
}

function invalidDate(value: unknown): MailTemplateError {
  return new MailTemplateError(
    `formatDate needs a date like "2024-05-15", an ISO date-time or a Date, got ${describe(value)}`,
    undefined,
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (value instanceof Date) return 'an invalid Date';
  return value === null ? 'null' : typeof value;
}
