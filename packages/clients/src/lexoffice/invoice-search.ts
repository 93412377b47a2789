import { berlinDay } from './lexoffice-dates.js';
import { isObject, type LexofficeCallOptions, type LexofficeHttp } from './lexoffice-http.js';
import type { VoucherListEntry } from './voucher-methods.js';

/** An invoice we created, as the voucher list and a read-back can recognise it. */
export interface FindInvoiceQuery {
  /** The remark (closing text) the invoice was created with. */
  remark: string;
  /** Narrows the candidates before each is read; the voucher list shows the recipient's name. */
  contactName?: string;
  /** The invoice, if it exists, was created inside this window. */
  createdFrom: Date;
  createdTo: Date;
}

const PAGE_SIZE = 250;
const DAY_MS = 86_400_000;

/**
 * Finds an invoice we created by its remark. Lexoffice numbers invoices
 * itself and takes no idempotency key, so after a create that got no answer
 * the remark is what we can recognise it by: the voucher list (invoices
 * created in the window, https://developers.lexware.io/docs/, Voucherlist
 * Endpoint, `createdDateFrom`/`To`) gives the candidates, each is read
 * (`GET /v1/invoices/{id}`) to compare the remark. 1 + n requests.
 */
export async function findInvoiceByRemark(
  http: LexofficeHttp,
  query: FindInvoiceQuery,
  opts: LexofficeCallOptions = {},
): Promise<VoucherListEntry | undefined> {
  const from = query.createdFrom.getTime();
  const to = query.createdTo.getTime();
  // The list filters by Berlin day; a day either side covers any clock skew.
  const params = new URLSearchParams({
    voucherType: 'invoice',
    voucherStatus: 'any',
    createdDateFrom: berlinDay(from - DAY_MS),
    createdDateTo: berlinDay(to + DAY_MS),
    sort: 'createdDate,DESC',
    size: String(PAGE_SIZE),
  });
  for (let page = 0; ; page += 1) {
    params.set('page', String(page));
    const answer = await http.json('GET', `/v1/voucherlist?${params}`, undefined, opts.signal);
    const content = isObject(answer) && Array.isArray(answer.content) ? answer.content : [];
    for (const entry of content) {
      if (!isObject(entry) || typeof entry.id !== 'string') continue;
      const created =
        typeof entry.createdDate === 'string' ? Date.parse(entry.createdDate) : Number.NaN;
      if (!Number.isNaN(created) && (created < from || created > to)) continue;
      if (
        query.contactName !== undefined &&
        typeof entry.contactName === 'string' &&
        entry.contactName !== query.contactName
      )
        continue;
      const path = `/v1/invoices/${encodeURIComponent(entry.id)}`;
      const invoice = await http.json('GET', path, undefined, opts.signal);
      if (isObject(invoice) && invoice.remark === query.remark) {
        return entry as unknown as VoucherListEntry;
      }
    }
    const totalPages =
      isObject(answer) && typeof answer.totalPages === 'number' ? answer.totalPages : 1;
    if (page + 1 >= totalPages || content.length === 0) return undefined;
  }
}
