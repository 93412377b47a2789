import { describe, expect, it } from 'vitest';
import { berlinDay, lexofficeDateTime } from './lexoffice-dates.js';

describe("Lexoffice's date-time format", () => {
  it('gives a day its Berlin midnight with the offset of that day', () => {
    expect(lexofficeDateTime('2024-01-15')).toBe('2024-01-15T00:00:00.000+01:00');
    expect(lexofficeDateTime('2024-05-01')).toBe('2024-05-01T00:00:00.000+02:00');
  });

  it('knows the offset on both sides of the spring change (31 March 2024, 02:00 → 03:00)', () => {
    expect(lexofficeDateTime('2024-03-30')).toBe('2024-03-30T00:00:00.000+01:00');
    // The change happens at 02:00 that night: the day itself starts in winter time.
    expect(lexofficeDateTime('2024-03-31')).toBe('2024-03-31T00:00:00.000+01:00');
    expect(lexofficeDateTime('2024-04-01')).toBe('2024-04-01T00:00:00.000+02:00');
    expect(lexofficeDateTime(new Date('2024-03-31T00:59:59.999Z'))).toBe(
      '2024-03-31T01:59:59.999+01:00',
    );
    expect(lexofficeDateTime(new Date('2024-03-31T01:00:00.000Z'))).toBe(
      '2024-03-31T03:00:00.000+02:00',
    );
  });

  it('knows the offset on both sides of the autumn change (27 October 2024, 03:00 → 02:00)', () => {
    expect(lexofficeDateTime('2024-10-27')).toBe('2024-10-27T00:00:00.000+02:00');
    expect(lexofficeDateTime('2024-10-28')).toBe('2024-10-28T00:00:00.000+01:00');
    // 02:30 happens twice that night; the offset tells them apart.
    expect(lexofficeDateTime(new Date('2024-10-27T00:30:00.000Z'))).toBe(
      '2024-10-27T02:30:00.000+02:00',
    );
    expect(lexofficeDateTime(new Date('2024-10-27T01:30:00.000Z'))).toBe(
      '2024-10-27T02:30:00.000+01:00',
    );
  });

  it('writes a moment given as an ISO string in Berlin time, milliseconds included', () => {
    expect(lexofficeDateTime('2024-12-31T23:30:00.123Z')).toBe('2025-01-01T00:30:00.123+01:00');
    expect(lexofficeDateTime('2024-07-01T12:00:00+02:00')).toBe('2024-07-01T12:00:00.000+02:00');
  });

  it('refuses what is not a date, naming it', () => {
    expect(() => lexofficeDateTime('2024-02-30')).toThrow(
      new RangeError('"2024-02-30" is not a calendar date (yyyy-MM-dd)'),
    );
    expect(() => lexofficeDateTime('01.05.2024')).toThrow(/neither a date .* nor an ISO date-time/);
    expect(() => lexofficeDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('names the Berlin day of a moment', () => {
    expect(berlinDay(new Date('2024-05-01T21:59:59.999Z'))).toBe('2024-05-01');
    expect(berlinDay(new Date('2024-05-01T22:00:00.000Z'))).toBe('2024-05-02');
    expect(berlinDay(Date.parse('2024-12-31T23:00:00.000Z'))).toBe('2025-01-01');
  });
});
