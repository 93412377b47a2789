import { NonRetriableError } from '@campus/errors';

export type LexofficeVoucherType = 'invoice' | 'creditnote';

export interface LexofficeAddress {
  name: string;
  supplement?: string;
  street?: string;
  city: string;
  zip: string;
  /** ISO 3166 alpha-2; Lexoffice needs it for an address without a contact. */
  countryCode?: string;
}

export interface LexofficeLineItem {
  type: 'custom';
  name: string;
  description?: string;
  quantity: number;
  unitName: string;
  /** `netAmount` with taxType `net`, `grossAmount` with taxType `gross`. */
  unitPrice: {
    currency: 'EUR';
    netAmount?: number;
    grossAmount?: number;
    taxRatePercentage: 0 | 7 | 19;
  };
}

/**
 * Our contract `lexoffice_voucher_create_out` (the seed schema, validated by
 * the worker before anything is sent): an invoice or credit note with its
 * positions, dated with a plain date. It is not Lexoffice's wire format: the
 * client turns it into an invoice request (date-times, no read-only fields)
 * or a bookkeeping voucher (positions grouped by tax rate) at the boundary.
 */
export interface LexofficeVoucher {
  voucherType: LexofficeVoucherType;
  /** YYYY-MM-DD. */
  voucherDate: string;
  address: LexofficeAddress;
  lineItems: LexofficeLineItem[];
  /** `totalNetAmount` is ours, for the contract: Lexoffice computes its totals and they are never sent. */
  totalPrice: { currency: 'EUR'; totalNetAmount: number };
  taxConditions: { taxType: 'net' | 'gross' };
  /** YYYY-MM-DD; required by Lexoffice for invoices, credit notes have none. */
  shippingConditions?: { shippingType: 'service' | 'delivery' | 'none'; shippingDate?: string };
  title?: string;
  introduction?: string;
  /** Closing text (invoices) or remark (bookkeeping vouchers). */
  remark?: string;
}

/** What Lexoffice answers a creation with (an "action result"), for invoices and vouchers alike. */
export interface CreatedVoucher {
  id: string;
  resourceUri: string;
  createdDate: string;
  updatedDate: string;
  version: number;
}

/**
 * We could not build a request Lexoffice would accept from what we were
 * given (a date that is no date, a file over Lexoffice's limit): nothing was
 * sent, and a retry of the same data fails the same way.
 */
export class LexofficeRequestError extends NonRetriableError {
  override name = 'LexofficeRequestError';
}

/** `value` in Lexoffice's date-time format; a LexofficeRequestError naming the field if it is no date. */
export function convertDate(
  field: string,
  value: string,
  convert: (value: string) => string,
): string {
  try {
    return convert(value);
  } catch (cause) {
    throw new LexofficeRequestError(
      `${field}: ${(cause as Error).message}; the contract lexoffice_voucher_create_out wants yyyy-MM-dd`,
      { cause },
    );
  }
}
