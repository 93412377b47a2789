import type { StoredVoucher } from './lexoffice-state.js';

const MAX_PAGE_SIZE = 250;

/**
 * Lexoffice's `GET /v1/voucherlist`: filters `voucherType` (comma list),
 * `voucherStatus` (`any` or a status; every sandbox voucher is `open`),
 * `createdDateFrom`/`createdDateTo` (days, inclusive), `sort=createdDate,ASC|DESC`,
 * `page` (from 0) and `size`; answers a page with Lexoffice's paging fields.
 */
export function listVouchers(vouchers: StoredVoucher[], query: Record<string, string>) {
  const types = (query.voucherType ?? 'any').split(',');
  const status = query.voucherStatus ?? 'any';
  const from = query.createdDateFrom ? Date.parse(`${query.createdDateFrom}T00:00:00Z`) : -Infinity;
  const to = query.createdDateTo ? Date.parse(`${query.createdDateTo}T23:59:59.999Z`) : Infinity;
  const descending = (query.sort ?? 'createdDate,DESC').toUpperCase().endsWith('DESC');
  const size = Math.min(Math.max(Number(query.size ?? 25) || 25, 1), MAX_PAGE_SIZE);
  const page = Math.max(Number(query.page ?? 0) || 0, 0);

  const matching = vouchers
    .filter((v) => types.includes('any') || types.includes(v.voucherType))
    .filter(() => status === 'any' || status.split(',').includes('open'))
    .filter((v) => {
      const created = Date.parse(v.createdDate);
      return created >= from && created <= to;
    })
    .sort((a, b) => (descending ? -1 : 1) * a.createdDate.localeCompare(b.createdDate));
  const totalPages = Math.max(Math.ceil(matching.length / size), 1);
  const content = matching.slice(page * size, (page + 1) * size).map((v) => {
    const body = (typeof v.request === 'object' && v.request !== null ? v.request : {}) as {
      voucherDate?: string;
      address?: { name?: string };
      totalPrice?: { currency?: string; totalGrossAmount?: number };
    };
    return {
      id: v.id,
      voucherType: v.voucherType,
      voucherStatus: 'open',
      voucherNumber: '',
      voucherDate: body.voucherDate,
      createdDate: v.createdDate,
      updatedDate: v.updatedDate,
      contactName: body.address?.name,
      totalAmount: body.totalPrice?.totalGrossAmount,
      currency: body.totalPrice?.currency ?? 'EUR',
      archived: false,
    };
  });
  return {
    content,
    first: page === 0,
    last: page + 1 >= totalPages,
    totalPages,
    totalElements: matching.length,
    numberOfElements: content.length,
    size,
    number: page,
  };
}
