import {
  convertDate,
  LexofficeRequestError,
  type LexofficeLineItem,
  type LexofficeVoucher,
} from './lexoffice-contract.js';
import { calendarDay } from './lexoffice-dates.js';

/**
 * A bookkeeping voucher as `POST /v1/vouchers` takes it
 * (https://developers.lexware.io/docs/, Vouchers Endpoint, "Create a
 * Voucher"): an invoice another system already issued, booked with its own
 * number, its positions grouped by tax rate. Dates are plain `yyyy-MM-dd`
 * here (the docs' create sample sends `"voucherDate": "2023-06-28"`; they
 * come back as date-times). No read-only field (`id`, `voucherStatus`,
 * `files`, `createdDate`, ...) is part of it.
 */
export interface BookkeepingVoucher {
  type: BookkeepingVoucherType;
  voucherNumber: string;
  voucherDate: string;
  shippingDate?: string;
  dueDate?: string;
  /** Must equal the positions plus their tax; Lexoffice refuses a mismatch (`invalid_total_amount`). */
  totalGrossAmount: number;
  totalTaxAmount: number;
  /** `amount` of each item is net (`net`) or includes the tax (`gross`). */
  taxType: 'net' | 'gross';
  useCollectiveContact?: true;
  contactId?: string;
  remark?: string;
  voucherItems: BookkeepingVoucherItem[];
}

export type BookkeepingVoucherType = 'salesinvoice' | 'salescreditnote';

export interface BookkeepingVoucherItem {
  amount: number;
  taxAmount: number;
  taxRatePercent: number;
  categoryId: string;
}

/** What the contract does not say: how Lexoffice should book it. */
export interface VoucherBooking {
  /** The sender's own number of the invoice (Fakturia's invoice number, plenigo's invoice id). */
  voucherNumber: string;
  /** Posting category of every item (LEXOFFICE_REVENUE_CATEGORY_ID). */
  categoryId: string;
  /** An existing Lexoffice contact (role customer); without one, the collective contact. */
  contactId?: string;
  /** yyyy-MM-dd; Lexoffice takes the voucher date when it is left out. */
  dueDate?: string;
}

export const BOOKKEEPING_TYPES: Record<LexofficeVoucher['voucherType'], BookkeepingVoucherType> = {
  invoice: 'salesinvoice',
  creditnote: 'salescreditnote',
};

// Whole cents, rounding half up; toFixed first so that 1.005 * 100 is 100.5, not 100.4999….
const cents = (value: number) => Math.round(Number((value * 100).toFixed(6)));
const euros = (value: number) => value / 100;

function lineCents(item: LexofficeLineItem, taxType: 'net' | 'gross', index: number): number {
  const unit = taxType === 'net' ? item.unitPrice.netAmount : item.unitPrice.grossAmount;
  const field = `lineItems[${index}].unitPrice.${taxType === 'net' ? 'netAmount' : 'grossAmount'}`;
  if (typeof unit !== 'number' || !Number.isFinite(unit)) {
    throw new LexofficeRequestError(`${field} is missing: a ${taxType} voucher needs it`);
  }
  const amount = cents(item.quantity * unit);
  if (amount < 0) {
    throw new LexofficeRequestError(
      `${field} is negative: a bookkeeping voucher books positive amounts (a credit is a salescreditnote)`,
    );
  }
  return amount;
}

/**
 * Our contract → a bookkeeping voucher: one item per tax rate (the sum of
 * that rate's positions, in cents), its tax worked out on the sum, as an
 * invoice states it; totals that add up exactly.
 */
export function bookkeepingVoucherOf(
  voucher: LexofficeVoucher,
  booking: VoucherBooking,
): BookkeepingVoucher {
  if (!booking.voucherNumber.trim()) throw new LexofficeRequestError('voucherNumber is empty');
  const { taxType } = voucher.taxConditions;
  const byRate = new Map<number, number>();
  voucher.lineItems.forEach((item, index) => {
    const rate = item.unitPrice.taxRatePercentage;
    byRate.set(rate, (byRate.get(rate) ?? 0) + lineCents(item, taxType, index));
  });
  if (byRate.size === 0) throw new LexofficeRequestError('the voucher has no positions');

  const voucherItems = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, amount]) => {
      const tax = Math.round(
        taxType === 'net' ? (amount * rate) / 100 : (amount * rate) / (100 + rate),
      );
      return { amount, tax, rate };
    });
  const totalTax = voucherItems.reduce((sum, item) => sum + item.tax, 0);
  const totalAmount = voucherItems.reduce((sum, item) => sum + item.amount, 0);
  const day = (field: string, value: string) => convertDate(field, value, calendarDay);
  const shippingDate = voucher.shippingConditions?.shippingDate;

  return {
    type: BOOKKEEPING_TYPES[voucher.voucherType],
    voucherNumber: booking.voucherNumber,
    voucherDate: day('voucherDate', voucher.voucherDate),
    ...(shippingDate === undefined ? {} : { shippingDate: day('shippingDate', shippingDate) }),
    ...(booking.dueDate === undefined ? {} : { dueDate: day('dueDate', booking.dueDate) }),
    totalGrossAmount: euros(taxType === 'net' ? totalAmount + totalTax : totalAmount),
    totalTaxAmount: euros(totalTax),
    taxType,
    ...(booking.contactId === undefined
      ? { useCollectiveContact: true as const }
      : { contactId: booking.contactId }),
    ...(voucher.remark === undefined ? {} : { remark: voucher.remark }),
    voucherItems: voucherItems.map((item) => ({
      amount: euros(item.amount),
      taxAmount: euros(item.tax),
      taxRatePercent: item.rate,
      categoryId: booking.categoryId,
    })),
  };
}
