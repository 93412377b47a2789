import type {
  LexofficeAddress,
  LexofficeLineItem,
  LexofficeVoucher,
  LexofficeVoucherType,
} from '@campus/clients';
import { InvoiceDataError } from './errors.js';

/**
 * A voucher as mapped from an event, before the contract check: what the event
 * lacks is left out, so the schema names the missing field instead of the
 * mapping crashing.
 */
export interface VoucherDraft extends Omit<LexofficeVoucher, 'address' | 'voucherDate'> {
  voucherDate?: string;
  address: Partial<LexofficeAddress>;
  remark: string;
}

/** A draft and the reference that names it to people (and, for the e-book invoice, finds it again). */
export interface MappedVoucher {
  /** e.g. `Fakturia-Rechnung RE-2024-000042`: ids only, no personal data. */
  reference: string;
  draft: VoucherDraft;
}

/** An invoice another system issued, to be booked at Lexoffice under that system's number. */
export interface BookableVoucher extends MappedVoucher {
  /** The sender's own number: Fakturia's invoice (correction) number, plenigo's invoice id. */
  voucherNumber: string;
  /** yyyy-MM-dd, when the sender states one. */
  dueDate?: string;
}

/** One position as a source states it; amounts per unit, signed as in the source. */
export interface SourceItem {
  name: string | undefined;
  quantity: number | undefined;
  unitAmount: number | undefined;
  taxRate: number | undefined;
}

export interface DraftInput {
  voucherType: LexofficeVoucherType;
  reference: string;
  voucherDate: string | undefined;
  address: Partial<LexofficeAddress>;
  items: readonly SourceItem[];
  /** `net`: unit amounts are net (Fakturia, catalog); `gross`: what the customer pays (plenigo). */
  taxType: 'net' | 'gross';
  title: string;
  introduction?: string;
  /**
   * Who the invoice is for, written into the remark: a bookkeeping voucher is
   * booked on Lexoffice's collective customer, so the remark is where the
   * bookkeeper reads the customer.
   */
  customer?: { number: string | undefined; name: string | undefined };
}

const GERMAN_VAT_RATES = [0, 7, 19] as const;
type VatRate = (typeof GERMAN_VAT_RATES)[number];

/** Cent rounding that does not trip over binary fractions (1.005 → 1.01). */
export const roundCents = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD as a German accountant reads the moment; a plain date stays as it is. */
export function voucherDateOf(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : berlinDay.format(time);
}

/** Drops empty fields, so the schema reports them as missing rather than as wrong. */
export function compactAddress(
  address: Record<keyof LexofficeAddress, string | null | undefined>,
): Partial<LexofficeAddress> {
  const entries = Object.entries(address).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, v.trim()])) as Partial<LexofficeAddress>;
}

/** `Erika Mustermann`, or undefined when neither part is there. */
export function personName(...parts: (string | null | undefined)[]): string | undefined {
  const name = parts.filter((p) => typeof p === 'string' && p.trim() !== '').join(' ');
  return name === '' ? undefined : name;
}

function vatRate(reference: string, position: number, rate: number | undefined): VatRate {
  if (GERMAN_VAT_RATES.includes(rate as VatRate)) return rate as VatRate;
  throw new InvoiceDataError(
    `${reference}, position ${position}`,
    `tax rate ${rate ?? '(none)'} is not a German VAT rate (19, 7 or 0 %)`,
  );
}

/**
 * Lexoffice books a credit note with positive amounts; sources state them
 * negative (Fakturia's corrections) or positive. Mixed signs would turn part
 * of a refund into a charge, so they are refused.
 */
function signOf(input: DraftInput): 1 | -1 {
  if (input.voucherType === 'invoice') return 1;
  const amounts = input.items.map((i) => i.unitAmount ?? 0);
  const negative = amounts.some((a) => a < 0);
  if (negative && amounts.some((a) => a > 0)) {
    throw new InvoiceDataError(input.reference, 'credit positions with mixed signs');
  }
  return negative ? -1 : 1;
}

/** `Referenz: Fakturia-Rechnung RE-2024-000042; Kunde K1234: Holger Tester`. */
function remarkOf({ reference, customer }: DraftInput): string {
  if (!customer?.name) return `Referenz: ${reference}`;
  const label = customer.number ? `Kunde ${customer.number}` : 'Kunde';
  return `Referenz: ${reference}; ${label}: ${customer.name}`;
}

/** The draft of an invoice or credit note: positions, totals, tax and shipping conditions. */
export function draftVoucher(input: DraftInput): MappedVoucher {
  if (input.items.length === 0) throw new InvoiceDataError(input.reference, 'no positions');
  const sign = signOf(input);
  let totalNet = 0;
  const lineItems = input.items.map((item, index): LexofficeLineItem => {
    const position = index + 1;
    if (!item.name)
      throw new InvoiceDataError(`${input.reference}, position ${position}`, 'no name');
    if (typeof item.unitAmount !== 'number' || !Number.isFinite(item.unitAmount)) {
      throw new InvoiceDataError(`${input.reference}, position ${position}`, 'no price');
    }
    const rate = vatRate(input.reference, position, item.taxRate);
    const quantity = item.quantity ?? 1;
    const amount = roundCents(sign * item.unitAmount);
    const netPerUnit = input.taxType === 'net' ? amount : amount / (1 + rate / 100);
    totalNet += roundCents(quantity * netPerUnit);
    return {
      type: 'custom',
      name: item.name,
      quantity,
      unitName: 'Stück',
      unitPrice: {
        currency: 'EUR',
        ...(input.taxType === 'net' ? { netAmount: amount } : { grossAmount: amount }),
        taxRatePercentage: rate,
      },
    };
  });
  const draft: VoucherDraft = {
    voucherType: input.voucherType,
    ...(input.voucherDate === undefined ? {} : { voucherDate: input.voucherDate }),
    address: input.address,
    lineItems,
    totalPrice: { currency: 'EUR', totalNetAmount: roundCents(totalNet) },
    taxConditions: { taxType: input.taxType },
    title: input.title,
    ...(input.introduction === undefined ? {} : { introduction: input.introduction }),
    remark: remarkOf(input),
  };
  // Lexoffice finalizes an invoice only with a service date; credit notes have none.
  if (input.voucherType === 'invoice' && input.voucherDate !== undefined) {
    draft.shippingConditions = { shippingType: 'service', shippingDate: input.voucherDate };
  }
  return { reference: input.reference, draft };
}

/** Only euros are booked; a foreign currency would be booked at the wrong value. */
export function requireEuro(reference: string, currency: string | null | undefined): void {
  if (currency && currency !== 'EUR') {
    throw new InvoiceDataError(reference, `currency ${currency}; only EUR vouchers are booked`);
  }
}
