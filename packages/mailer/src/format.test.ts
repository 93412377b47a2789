import { describe, expect, it } from 'vitest';
import { NonRetriableError } from '@campus/errors';
import { formatDate, formatEuro, formatTime } from './format.js';

describe('formatEuro', () => {
  it('writes German grouping, two decimals and a plain space before the euro sign', () => {
    expect(formatEuro(1234.5)).toBe('1.234,50 €');
    expect(formatEuro(0)).toBe('0,00 €');
    expect(formatEuro(49)).toBe('49,00 €');
    expect(formatEuro(1_000_000)).toBe('1.000.000,00 €');
    expect(formatEuro(-5)).toBe('-5,00 €');
  });

  it('rounds to cents', () => {
    expect(formatEuro(19.999)).toBe('20,00 €');
    expect(formatEuro(0.1 + 0.2)).toBe('0,30 €');
  });

  it('contains no no-break space, so the text part has the same bytes on every ICU', () => {
    expect(formatEuro(1234.5)).not.toMatch(/[\u00a0\u202f]/);
  });

  it('refuses NaN and Infinity instead of writing them into a mail', () => {
    expect(() => formatEuro(Number.NaN)).toThrow(NonRetriableError);
    expect(() => formatEuro(Number.POSITIVE_INFINITY)).toThrow(/finite number/);
  });
});

describe('formatDate', () => {
  it('writes a plain date as DD.MM.YYYY', () => {
    expect(formatDate('2024-05-15')).toBe('15.05.2024');
    expect(formatDate('2024-02-29')).toBe('29.02.2024');
  });

  it('reads an ISO date-time with an offset in Europe/Berlin', () => {
    // 23:30 UTC on the 15th is already the 16th in Berlin (summer time, UTC+2).
    expect(formatDate('2024-05-15T23:30:00Z')).toBe('16.05.2024');
    expect(formatDate('2024-05-15T21:59:59Z')).toBe('15.05.2024');
    // Winter time, UTC+1.
    expect(formatDate('2024-01-15T23:30:00.000Z')).toBe('16.01.2024');
    expect(formatDate('2024-08-28T00:08:51.916800Z')).toBe('28.08.2024');
    expect(formatDate('2024-05-15T01:00:00+05:00')).toBe('14.05.2024');
  });

  it('takes the date part of a date-time without an offset (a Berlin local time)', () => {
    expect(formatDate('2024-04-30T18:22:10')).toBe('30.04.2024');
    expect(formatDate('2024-04-30T23:59')).toBe('30.04.2024');
  });

  it('reads a Date in Europe/Berlin', () => {
    expect(formatDate(new Date(Date.UTC(2024, 4, 15, 10, 0)))).toBe('15.05.2024');
    expect(formatDate(new Date(Date.UTC(2024, 11, 31, 23, 30)))).toBe('01.01.2025');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('2024-02-30')).toThrow(NonRetriableError);
    expect(() => formatDate('15.05.2024')).toThrow(/formatDate needs a date/);
    expect(() => formatDate('')).toThrow(/formatDate needs a date/);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(/an invalid Date/);
  });
});

describe('formatTime', () => {
  it('writes the time of day in Germany, summer and winter', () => {
    expect(formatTime('2024-07-31T12:05:00.000Z')).toBe('14:05');
    expect(formatTime('2024-01-15T23:30:00Z')).toBe('00:30');
    expect(formatTime(new Date('2024-10-27T01:30:00Z'))).toBe('02:30');
  });

  it('names no time for a plain date, a local date-time or nonsense', () => {
    expect(formatTime('2024-07-31')).toBeUndefined();
    expect(formatTime('2024-07-31T12:05')).toBeUndefined();
    expect(formatTime('morgen')).toBeUndefined();
  });
});
