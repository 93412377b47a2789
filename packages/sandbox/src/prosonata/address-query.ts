import { FILTER_FIELDS, SORT_FIELDS, type Address } from './address-fields.js';

export interface AddressPage {
  items: Address[];
  page: number;
  perPage: number;
  totalCount: number;
}

export type QueryResult = { ok: true; result: AddressPage } | { ok: false; message: string };

type Query = Record<string, unknown>;

const first = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : Array.isArray(value) && typeof value[0] === 'string'
      ? value[0]
      : undefined;

const positiveInt = (value: string | undefined, fallback: number): number | undefined => {
  if (value === undefined) return fallback;
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
};

/**
 * `GET /api/v1/addresses`: filters match a field exactly, or in `contains` mode
 * as a substring (case-insensitive,
 * numbers as numbers), `orderBy` is `field` or `field ASC|DESC`,
 * `page` counts from 1, `perPage` defaults to 100.
 */
export function queryAddresses(
  addresses: Iterable<Address>,
  query: Query,
  mode: 'exact' | 'contains' = 'exact',
): QueryResult {
  let items = [...addresses];
  for (const field of FILTER_FIELDS) {
    const wanted = first(query[field]);
    if (wanted === undefined) continue;
    items = items.filter((address) => {
      const value = address[field];
      if (value === null) return false;
      const text = String(value).toLowerCase();
      const term = wanted.trim().toLowerCase();
      return mode === 'contains' ? text.includes(term) : text === term;
    });
  }

  const orderBy = first(query.orderBy) ?? 'addressID ASC';
  const match = /^\s*(\w+)(?:\s+(ASC|DESC))?\s*$/i.exec(orderBy);
  const field = SORT_FIELDS.find((f) => f === match?.[1]);
  if (!match || !field) {
    return {
      ok: false,
      message: `orderBy: sortieren nach ${SORT_FIELDS.join(', ')} (ASC oder DESC).`,
    };
  }
  const direction = match[2]?.toUpperCase() === 'DESC' ? -1 : 1;
  items.sort((a, b) => direction * compare(a[field], b[field]) || a.addressID - b.addressID);

  const page = positiveInt(first(query.page), 1);
  const perPage = positiveInt(first(query.perPage), 100);
  if (page === undefined || perPage === undefined) {
    return { ok: false, message: 'page und perPage müssen positive ganze Zahlen sein.' };
  }
  return {
    ok: true,
    result: {
      items: items.slice((page - 1) * perPage, page * perPage),
      page,
      perPage,
      totalCount: items.length,
    },
  };
}

function compare(a: string | number | null, b: string | number | null): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''), 'de', { numeric: true });
}
