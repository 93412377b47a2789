/**
 * What Lexoffice computes for an invoice or credit note and shows on reading
 * it back (https://developers.lexware.io/docs/, "Total Price Details", "Tax
 * Amounts Details": read-only, two decimals): each line's amount, the tax
 * per rate and the totals.
 */
import { taxCents } from './amounts.js';

interface Line {
  type?: unknown;
  quantity?: unknown;
  unitPrice?: { netAmount?: unknown; grossAmount?: unknown; taxRatePercentage?: unknown };
}

export interface SalesDocumentTotals {
  lineAmounts: (number | undefined)[];
  totalPrice: { totalNetAmount: number; totalGrossAmount: number; totalTaxAmount: number };
  taxAmounts: { taxRatePercentage: number; taxAmount: number; netAmount: number }[];
}

const cents = (value: number) => Math.round(Number((value * 100).toFixed(6)));

export function salesDocumentTotals(lines: Line[], taxType: 'net' | 'gross'): SalesDocumentTotals {
  const byRate = new Map<number, number>();
  const lineAmounts = lines.map((line) => {
    if (line.type === 'text') return undefined;
    const unit = taxType === 'gross' ? line.unitPrice?.grossAmount : line.unitPrice?.netAmount;
    const amount = cents(Number(line.quantity ?? 0) * Number(unit ?? 0));
    const rate = Number(line.unitPrice?.taxRatePercentage ?? 0);
    byRate.set(rate, (byRate.get(rate) ?? 0) + amount);
    return amount / 100;
  });
  const taxAmounts = [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rate, amount]) => {
      const tax = taxCents(amount, rate, taxType);
      const net = taxType === 'gross' ? amount - tax : amount;
      return { taxRatePercentage: rate, taxAmount: tax / 100, netAmount: net / 100 };
    });
  const net = taxAmounts.reduce((sum, t) => sum + cents(t.netAmount), 0);
  const tax = taxAmounts.reduce((sum, t) => sum + cents(t.taxAmount), 0);
  return {
    lineAmounts,
    totalPrice: {
      totalNetAmount: net / 100,
      totalGrossAmount: (net + tax) / 100,
      totalTaxAmount: tax / 100,
    },
    taxAmounts,
  };
}
