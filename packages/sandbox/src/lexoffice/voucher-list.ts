/**
 * `GET /v1/voucherlist` as https://developers.lexware.io/docs/ (Voucherlist
 * Endpoint) describes it: `voucherType` and `voucherStatus` required (comma
 * lists, or `any`); optional filters `voucherNumber`, `archived`,
 * `contactId`, `voucherDateFrom`/`To`, `createdDateFrom`/`To`,
 * `updatedDateFrom`/`To` (`yyyy-MM-dd`, whole days in German time);
 * `sort` by `voucherDate` (the default, DESC), `voucherNumber`,
 * `createdDate` or `updatedDate`; pages from 0 of at most 250; the
 * Pageable wrapper. Search values arrive HTML-encoded (`&amp;`) inside the URL
 * encoding (docs, "Filtering": search strings). The collective customer is
 * listed as "Sammelkunde" with `contactId: null`.
 */
import { berlinDay, berlinMidnight, isCalendarDate } from './berlin-time.js';
import type { StoredVoucher } from './lexoffice-state.js';
import { salesDocumentTotals } from './sales-document-totals.js';

const MAX_PAGE_SIZE = 250;
const SORTABLE = ['voucherDate', 'voucherNumber', 'createdDate', 'updatedDate'] as const;
type Sortable = (typeof SORTABLE)[number];

const htmlDecoded = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A problem with the query, answered 400 like Lexoffice's regular errors. */
export class VoucherListQueryError extends Error {
  override name = 'VoucherListQueryError';
}

/** The voucher's date as a Berlin day: a bookkeeping voucher's plain date, or an invoice's date-time. */
function voucherDay(voucher: StoredVoucher): string {
  const date = isObject(voucher.request) ? voucher.request.voucherDate : undefined;
  if (isCalendarDate(date)) return date;
  const time = typeof date === 'string' ? Date.parse(date) : Number.NaN;
  return Number.isNaN(time) ? berlinDay(voucher.createdAt) : berlinDay(time);
}

function totalAmount(voucher: StoredVoucher): number | undefined {
  const body = isObject(voucher.request) ? voucher.request : {};
  if (typeof body.totalGrossAmount === 'number') return body.totalGrossAmount;
  if (!Array.isArray(body.lineItems)) return undefined;
  const taxType =
    isObject(body.taxConditions) && body.taxConditions.taxType === 'gross' ? 'gross' : 'net';
  return salesDocumentTotals(body.lineItems, taxType).totalPrice.totalGrossAmount;
}

function entryOf(voucher: StoredVoucher) {
  const body = isObject(voucher.request) ? voucher.request : {};
  const address = isObject(body.address) ? body.address : {};
  const amount = totalAmount(voucher);
  return {
    id: voucher.id,
    voucherType: voucher.voucherType,
    voucherStatus: voucher.voucherStatus,
    voucherNumber: voucher.voucherNumber,
    voucherDate: berlinMidnight(voucherDay(voucher)),
    createdDate: voucher.createdDate,
    updatedDate: voucher.updatedDate,
    contactId: typeof body.contactId === 'string' ? body.contactId : null,
    contactName: typeof address.name === 'string' ? address.name : 'Sammelkunde',
    totalAmount: amount,
    openAmount: voucher.voucherStatus === 'open' ? amount : null,
    currency: 'EUR',
    archived: false,
  };
}

function dayFilter(query: Record<string, string>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (!isCalendarDate(value))
    throw new VoucherListQueryError(`${name} must be a date (yyyy-MM-dd)`);
  return value;
}

const inRange = (day: string, from: string | undefined, to: string | undefined) =>
  (from === undefined || day >= from) && (to === undefined || day <= to);

/** One page of the voucher list, or a VoucherListQueryError. */
export function listVouchers(vouchers: StoredVoucher[], query: Record<string, string>) {
  if (!query.voucherType)
    throw new VoucherListQueryError("Required parameter 'voucherType' is missing");
  if (!query.voucherStatus)
    throw new VoucherListQueryError("Required parameter 'voucherStatus' is missing");
  const types = query.voucherType.split(',');
  const statuses = query.voucherStatus.split(',');
  const number = query.voucherNumber === undefined ? undefined : htmlDecoded(query.voucherNumber);
  const [sortField = 'voucherDate', direction = 'DESC'] = (query.sort ?? 'voucherDate,DESC').split(
    ',',
  );
  if (
    !SORTABLE.includes(sortField as Sortable) ||
    !['ASC', 'DESC'].includes(direction.toUpperCase())
  )
    throw new VoucherListQueryError("parameter 'sort' is invalid");
  const size = Math.min(Math.max(Number(query.size ?? 25) || 25, 1), MAX_PAGE_SIZE);
  const page = Math.max(Number(query.page ?? 0) || 0, 0);
  const ranges = {
    voucherDate: [dayFilter(query, 'voucherDateFrom'), dayFilter(query, 'voucherDateTo')],
    createdDate: [dayFilter(query, 'createdDateFrom'), dayFilter(query, 'createdDateTo')],
    updatedDate: [dayFilter(query, 'updatedDateFrom'), dayFilter(query, 'updatedDateTo')],
  } as const;

  const sign = direction.toUpperCase() === 'DESC' ? -1 : 1;
  const compare = (a: StoredVoucher, b: StoredVoucher): number => {
    if (sortField === 'voucherNumber') return a.voucherNumber.localeCompare(b.voucherNumber);
    if (sortField === 'voucherDate') return voucherDay(a).localeCompare(voucherDay(b));
    if (sortField === 'updatedDate') return Date.parse(a.updatedDate) - Date.parse(b.updatedDate);
    return a.createdAt - b.createdAt;
  };
  const matching = vouchers
    .filter((v) => types.includes('any') || types.includes(v.voucherType))
    .filter((v) => statuses.includes('any') || statuses.includes(v.voucherStatus))
    .filter((v) => number === undefined || v.voucherNumber === number)
    .filter(
      (v) =>
        query.contactId === undefined ||
        (isObject(v.request) && v.request.contactId === query.contactId),
    )
    // Nothing in the sandbox is archived.
    .filter(() => query.archived !== 'true')
    .filter((v) => inRange(voucherDay(v), ...ranges.voucherDate))
    .filter((v) => inRange(berlinDay(v.createdAt), ...ranges.createdDate))
    .filter((v) => inRange(berlinDay(Date.parse(v.updatedDate)), ...ranges.updatedDate))
    .sort((a, b) => sign * (compare(a, b) || a.createdAt - b.createdAt));
  const totalPages = Math.max(Math.ceil(matching.length / size), 1);
  const content = matching.slice(page * size, (page + 1) * size).map(entryOf);
  return {
    content,
    first: page === 0,
    last: page + 1 >= totalPages,
    totalPages,
    totalElements: matching.length,
    numberOfElements: content.length,
    size,
    number: page,
    sort: [
      {
        property: sortField.toLowerCase(),
        direction: direction.toUpperCase(),
        ignoreCase: false,
        nullHandling: 'NATIVE',
        ascending: direction.toUpperCase() === 'ASC',
      },
    ],
  };
}
