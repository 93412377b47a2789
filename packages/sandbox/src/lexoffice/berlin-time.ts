/**
 * Times as Lexoffice writes them (https://developers.lexware.io/docs/, every
 * sample: `2023-02-22T00:00:00.000+01:00`, German time with its offset) and
 * the formats it takes. The stand-in's own, deliberately not shared with the
 * client: a stand-in that borrowed the client's formatter would agree with
 * its mistakes.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})(Z|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const offsetName = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  timeZoneName: 'longOffset',
});
const localParts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `+01:00` or `+02:00`: Berlin's offset at that moment. */
function berlinOffset(epochMs: number): string {
  const name = offsetName.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/** A moment as Lexoffice writes it: `2025-03-03T10:00:00.000+01:00`. */
export function berlinDateTime(epochMs: number): string {
  // sv-SE writes `2025-03-03 10:00:00`.
  const local = localParts.format(epochMs).replace(' ', 'T');
  const millis = String(epochMs % 1000).padStart(3, '0');
  return `${local}.${millis}${berlinOffset(epochMs)}`;
}

/** The Berlin calendar day of a moment. */
export function berlinDay(epochMs: number): string {
  return localParts.format(epochMs).slice(0, 10);
}

function validDay(year: string, month: string, day: string): boolean {
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return new Date(utc).toISOString().slice(0, 10) === `${year}-${month}-${day}`;
}

/**
 * The instant of a date-time in Lexoffice's format `yyyy-MM-ddTHH:mm:ss.SSSXXX`
 * (three fraction digits and an offset, nothing else), or undefined: a plain
 * date, a missing offset or missing milliseconds are refused, as a live
 * account refuses them (github.com/benethos-hub/lexware-office-mcp,
 * payloads.py `_at_midnight`, measured against /v1/invoices).
 */
export function parseLexofficeDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_TIME.exec(value);
  if (!match || !validDay(match[1]!, match[2]!, match[3]!)) return undefined;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 59) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** A plain `yyyy-MM-dd` date (what bookkeeping vouchers take). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  return match !== null && validDay(match[1]!, match[2]!, match[3]!);
}

/** Midnight in Berlin of a `yyyy-MM-dd` day, as Lexoffice reads a voucher's date back. */
export function berlinMidnight(day: string): string {
  // 22:00 UTC the evening before is at or just before Berlin's midnight, and
  // Berlin changes its offset only at 01:00 UTC: the offset there is midnight's.
  const offset = berlinOffset(Date.parse(`${day}T00:00:00.000Z`) - 2 * 3_600_000);
  return `${day}T00:00:00.000${offset}`;
}
