/** Money as Lexoffice checks it: amounts with at most two decimals, compared in cents. */

export const isMoney = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

export const toCents = (value: number): number => Math.round(value * 100);

/** Tax in cents on an amount in cents: on top of a net amount, or contained in a gross one. */
export function taxCents(
  amountCents: number,
  ratePercent: number,
  taxType: 'net' | 'gross',
): number {
  return Math.round(
    taxType === 'gross'
      ? (amountCents * ratePercent) / (100 + ratePercent)
      : (amountCents * ratePercent) / 100,
  );
}
