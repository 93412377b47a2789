import type {
  CreatedVoucher,
  LexofficeVoucher,
  LexofficeVoucherType,
} from './lexoffice-contract.js';
import { berlinDay } from './lexoffice-dates.js';
import {
  actionResult,
  isObject,
  type LexofficeHttp,
  type LexofficeCallOptions,
} from './lexoffice-http.js';
import { salesDocumentRequest } from './sales-document-request.js';
import type { VoucherListEntry } from './voucher-methods.js';

export interface FindVoucherQuery {
  voucherType: LexofficeVoucherType;
  /** The remark the voucher was created with. */
  remark: string;
  /** Narrows the candidates before each is fetched; the voucher list shows the recipient's name. */
  contactName?: string;
  /** The voucher, if it exists, was created inside this window. */
  createdFrom: Date;
  createdTo: Date;
}

const COLLECTIONS: Record<LexofficeVoucherType, string> = {
  invoice: 'invoices',
  creditnote: 'credit-notes',
};
const PAGE_SIZE = 250;
const DAY_MS = 86_400_000;

/**
 * What invoice-sync calls until it books Fakturia's and plenigo's invoices
 * as bookkeeping vouchers (createBookkeepingVoucher, findVoucherByNumber):
 * every invoice as a Lexoffice invoice or credit note, found again by its
 * remark. The requests are already the documented ones (date-times, no
 * read-only fields).
 */
export function legacyMethods(http: LexofficeHttp) {
  async function getVoucher(
    voucherType: LexofficeVoucherType,
    id: string,
    opts: LexofficeCallOptions = {},
  ): Promise<Record<string, unknown>> {
    const path = `/v1/${COLLECTIONS[voucherType]}/${encodeURIComponent(id)}`;
    const voucher = await http.json('GET', path, undefined, opts.signal);
    return isObject(voucher) ? voucher : {};
  }

  return {
    /**
     * `POST /v1/invoices?finalize=true` or `/v1/credit-notes?finalize=true`.
     * @deprecated Fakturia's and plenigo's invoices become bookkeeping vouchers
     * (createBookkeepingVoucher); Campus's own sales use createInvoice.
     */
    async createVoucher(
      voucher: LexofficeVoucher,
      opts: LexofficeCallOptions = {},
    ): Promise<CreatedVoucher> {
      const path = `/v1/${COLLECTIONS[voucher.voucherType]}?finalize=true`;
      const answer = await http.json('POST', path, salesDocumentRequest(voucher), opts.signal);
      return actionResult(answer, `a ${voucher.voucherType}`) as unknown as CreatedVoucher;
    },

    /** @deprecated see createVoucher. */
    getVoucher,

    /**
     * Finds a voucher we created by its remark: the voucher list (created in
     * the window, same recipient) gives the candidates, each is read to compare
     * the remark.
     * @deprecated findVoucherByNumber finds a bookkeeping voucher by the sender's number.
     */
    async findVoucher(
      query: FindVoucherQuery,
      opts: LexofficeCallOptions = {},
    ): Promise<VoucherListEntry | undefined> {
      const from = query.createdFrom.getTime();
      const to = query.createdTo.getTime();
      // The list filters by Berlin day; a day either side covers any clock skew.
      const params = new URLSearchParams({
        voucherType: query.voucherType,
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
          const voucher = await getVoucher(query.voucherType, entry.id, opts);
          if (voucher.remark === query.remark) return entry as unknown as VoucherListEntry;
        }
        const totalPages =
          isObject(answer) && typeof answer.totalPages === 'number' ? answer.totalPages : 1;
        if (page + 1 >= totalPages || content.length === 0) return undefined;
      }
    },
  };
}
