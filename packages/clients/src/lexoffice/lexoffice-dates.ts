/**
 * Lexoffice's date-times: `yyyy-MM-ddTHH:mm:ss.SSSXXX` (RFC 3339 with exactly
 * three fraction digits and an offset), e.g. `2023-02-22T00:00:00.000+01:00`
 * in every sample of https://developers.lexware.io/docs/ (invoices:
 * `voucherDate`, `shippingConditions.shippingDate`). The offset is Germany's
 * (Europe/Berlin) of that moment: a plain date means midnight there, which is
 * how Lexoffice itself renders the dates it reads back.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const berlin = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function wallClock(epochMs: number): WallClock {
  const parts: Record<string, string> = {};
  for (const part of berlin.formatToParts(epochMs)) parts[part.type] = part.value;
  return parts as unknown as WallClock;
}

/** Minutes Berlin is ahead of UTC at this moment (60 in winter, 120 in summer). */
function berlinOffsetMinutes(epochMs: number): number {
  const clock = wallClock(epochMs);
  const asUtc = Date.UTC(
    Number(clock.year),
    Number(clock.month) - 1,
    Number(clock.day),
    Number(clock.hour),
    Number(clock.minute),
    Number(clock.second),
  );
  const wholeSeconds = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

const pad = (value: number, length = 2) => String(Math.abs(value)).padStart(length, '0');

function format(epochMs: number): string {
  const clock = wallClock(epochMs);
  const offset = berlinOffsetMinutes(epochMs);
  const sign = offset < 0 ? '-' : '+';
  const millis = pad(((epochMs % 1000) + 1000) % 1000, 3);
  return (
    `${clock.year}-${clock.month}-${clock.day}T${clock.hour}:${clock.minute}:${clock.second}` +
    `.${millis}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** UTC midnight of a `yyyy-MM-dd` day; a RangeError for anything else (`2024-02-30` too). */
function utcMidnightOf(day: string): number {
  const match = DATE.exec(day);
  const utcMidnight = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : Number.NaN;
  if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`"${day}" is not a calendar date (yyyy-MM-dd)`);
  }
  return utcMidnight;
}

/** The day itself, checked: what Lexoffice's bookkeeping vouchers take (`yyyy-MM-dd`). */
export function calendarDay(day: string): string {
  utcMidnightOf(day);
  return day;
}

/** Midnight of a `yyyy-MM-dd` day in Berlin, as an instant. */
function berlinMidnight(day: string): number {
  const utcMidnight = utcMidnightOf(day);
  // Berlin changes its offset at 01:00 UTC, never around its own midnight:
  // the offset of the UTC midnight's eve settles it, checked once more.
  const guess = utcMidnight - berlinOffsetMinutes(utcMidnight) * 60_000;
  return utcMidnight - berlinOffsetMinutes(guess) * 60_000;
}

/**
 * A day (`2024-05-01`) or a moment (a `Date`, or an ISO string with a time)
 * in Lexoffice's date-time format with the Berlin offset of that moment:
 * `2024-05-01T00:00:00.000+02:00`, `2024-12-24T15:30:00.000+01:00`.
 */
export function lexofficeDateTime(value: string | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('an invalid Date has no date-time');
    return format(value.getTime());
  }
  if (DATE.test(value)) return format(berlinMidnight(value));
  const epochMs = /T\d{2}:\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(epochMs)) {
    throw new RangeError(`"${value}" is neither a date (yyyy-MM-dd) nor an ISO date-time`);
  }
  return format(epochMs);
}

/** The Berlin calendar day (`yyyy-MM-dd`) of a moment: the day Lexoffice's day filters mean. */
export function berlinDay(value: Date | number): string {
  const clock = wallClock(typeof value === 'number' ? value : value.getTime());
  return `${clock.year}-${clock.month}-${clock.day}`;
}
