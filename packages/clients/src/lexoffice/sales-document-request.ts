import { convertDate, type LexofficeVoucher } from './lexoffice-contract.js';
import { lexofficeDateTime } from './lexoffice-dates.js';

/**
 * The body of `POST /v1/invoices` or `POST /v1/credit-notes` as
 * https://developers.lexware.io/docs/ (Invoices Endpoint, "Create an
 * Invoice") documents it: only writable fields. Lexoffice computes the
 * totals (`totalPrice` carries the currency alone), numbers the document and
 * sets its status; the dates are date-times.
 */
export interface SalesDocumentRequest {
  voucherDate: string;
  address: LexofficeVoucher['address'];
  lineItems: LexofficeVoucher['lineItems'];
  totalPrice: { currency: 'EUR' };
  taxConditions: LexofficeVoucher['taxConditions'];
  shippingConditions?: { shippingType: 'service' | 'delivery' | 'none'; shippingDate?: string };
  title?: string;
  introduction?: string;
  remark?: string;
}

const toDateTime = (field: string, day: string) => convertDate(field, day, lexofficeDateTime);

/** Copies the keys that are set, and only those. */
function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

const ADDRESS_FIELDS = ['name', 'supplement', 'street', 'city', 'zip', 'countryCode'] as const;
const ITEM_FIELDS = ['type', 'name', 'description', 'quantity', 'unitName'] as const;
const PRICE_FIELDS = ['currency', 'netAmount', 'grossAmount', 'taxRatePercentage'] as const;

/** Our contract → the wire: field by field, so nothing read-only or of ours slips through. */
export function salesDocumentRequest(voucher: LexofficeVoucher): SalesDocumentRequest {
  const shipping = voucher.shippingConditions;
  return {
    voucherDate: toDateTime('voucherDate', voucher.voucherDate),
    address: pick(voucher.address, ADDRESS_FIELDS),
    // No `id` and no `lineItemAmount`: read-only, Lexoffice's own.
    lineItems: voucher.lineItems.map((item) => ({
      ...pick(item, ITEM_FIELDS),
      unitPrice: pick(item.unitPrice, PRICE_FIELDS),
    })),
    totalPrice: { currency: voucher.totalPrice.currency },
    taxConditions: { taxType: voucher.taxConditions.taxType },
    ...(shipping
      ? {
          shippingConditions: {
            shippingType: shipping.shippingType,
            ...(shipping.shippingDate === undefined
              ? {}
              : {
                  shippingDate: toDateTime(
                    'shippingConditions.shippingDate',
                    shipping.shippingDate,
                  ),
                }),
          },
        }
      : {}),
    ...pick(voucher, ['title', 'introduction', 'remark'] as const),
  };
}
