// Sender payloads are read tolerantly: the Fakturia and plenigo field names
// are partly assumed, and a number may arrive as a string or the other way round.

/** A non-blank string (a number is accepted and written as is), else undefined. */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** An amount of money: a finite number or a decimal string like "100.00", else undefined. */
export function readAmount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** The first field of `record` that holds a non-blank string. */
export function firstText(record: object, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const text = readText((record as Record<string, unknown>)[key]);
    if (text !== undefined) return text;
  }
  return undefined;
}
