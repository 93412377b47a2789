import {
  bookkeepingVoucherOf,
  type BookkeepingVoucherType,
  type VoucherBooking,
} from './bookkeeping-voucher.js';
import {
  LexofficeRequestError,
  type CreatedVoucher,
  type LexofficeVoucher,
} from './lexoffice-contract.js';
import { calendarDay } from './lexoffice-dates.js';
import {
  actionResult,
  isObject,
  type LexofficeHttp,
  type LexofficeCallOptions,
} from './lexoffice-http.js';

/** What the voucher list says of one voucher (`GET /v1/voucherlist`). */
export interface VoucherListEntry {
  id: string;
  voucherType?: string;
  voucherStatus?: string;
  voucherNumber?: string;
  voucherDate?: string;
  createdDate?: string;
  contactName?: string;
  totalAmount?: number;
}

/** A bookkeeping voucher as `GET /v1/vouchers/{id}` returns it (the fields we read). */
export interface BookkeepingVoucherRecord {
  id: string;
  type?: string;
  voucherNumber?: string;
  voucherStatus?: string;
  /** Ids of the files attached to it. */
  files: string[];
  version?: number;
}

/** A document to attach to a voucher: a PDF (or jpg, png, xml) of at most 5 MB. */
export interface VoucherFile {
  fileName: string;
  data: Uint8Array;
  /** Default `application/pdf`. */
  contentType?: string;
}

export interface FindVoucherByNumberQuery {
  voucherNumber: string;
  /** Default both sales types. */
  type?: BookkeepingVoucherType;
  /**
   * The voucher's date (yyyy-MM-dd): narrows the list to that day, so that
   * the search stays one page even if Lexoffice ignored the number filter.
   */
  voucherDate?: string;
}

// developers.lexware.io/docs/ (Files Endpoint): voucher files are pdf, jpg, png or xml of at most 5 MB.
export const MAX_VOUCHER_FILE_BYTES = 5 * 1024 * 1024;
const PAGE_SIZE = 250;

// The docs ("Filtering", search strings): &, < and > in a search value are sent
// HTML-encoded, then URL-encoded.
const htmlEncoded = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Bookkeeping vouchers: invoices another system issued, booked under their own number. */
export function voucherMethods(http: LexofficeHttp) {
  return {
    /**
     * `POST /v1/vouchers`: our contract, booked as a `salesinvoice` or
     * `salescreditnote` under the sender's number (bookkeepingVoucherOf).
     */
    async createBookkeepingVoucher(
      voucher: LexofficeVoucher,
      booking: VoucherBooking,
      opts: LexofficeCallOptions = {},
    ): Promise<CreatedVoucher> {
      const body = bookkeepingVoucherOf(voucher, booking);
      const answer = await http.json('POST', '/v1/vouchers', body, opts.signal);
      return actionResult(
        answer,
        `the voucher ${booking.voucherNumber}`,
      ) as unknown as CreatedVoucher;
    },

    /** `GET /v1/vouchers/{id}`: e.g. which files are attached already. */
    async getBookkeepingVoucher(
      id: string,
      opts: LexofficeCallOptions = {},
    ): Promise<BookkeepingVoucherRecord> {
      const answer = await http.json(
        'GET',
        `/v1/vouchers/${encodeURIComponent(id)}`,
        undefined,
        opts.signal,
      );
      const record = isObject(answer) ? answer : {};
      const files = Array.isArray(record.files)
        ? record.files.filter((file): file is string => typeof file === 'string')
        : [];
      return { ...(record as Omit<BookkeepingVoucherRecord, 'files'>), id, files };
    },

    /**
     * `POST /v1/vouchers/{id}/files`: the document as multipart part `file`
     * (no `type` part, unlike `/v1/files`); Lexoffice answers 202 with the
     * file's id. Refused here, unsent, when it is over Lexoffice's 5 MB.
     */
    async attachVoucherFile(
      voucherId: string,
      file: VoucherFile,
      opts: LexofficeCallOptions = {},
    ): Promise<{ id: string }> {
      if (file.data.byteLength > MAX_VOUCHER_FILE_BYTES) {
        throw new LexofficeRequestError(
          `${file.fileName} has ${file.data.byteLength} bytes; Lexoffice takes voucher files of at most ` +
            `${MAX_VOUCHER_FILE_BYTES} bytes: attach a smaller one to voucher ${voucherId} by hand`,
        );
      }
      const form = new FormData();
      const type = file.contentType ?? 'application/pdf';
      form.append('file', new Blob([file.data], { type }), file.fileName);
      const path = `/v1/vouchers/${encodeURIComponent(voucherId)}/files`;
      const { id } = actionResult(
        await http.upload(path, form, opts.signal),
        `a file of voucher ${voucherId}`,
      );
      return { id };
    },

    /**
     * Finds a voucher by its number in the voucher list (`voucherNumber`
     * filter, of the given day when known). Every candidate's number is
     * compared exactly: the list is not trusted to have filtered.
     */
    async findVoucherByNumber(
      query: FindVoucherByNumberQuery,
      opts: LexofficeCallOptions = {},
    ): Promise<VoucherListEntry | undefined> {
      const types = query.type ? [query.type] : ['salesinvoice', 'salescreditnote'];
      const params = new URLSearchParams({
        voucherType: types.join(','),
        voucherStatus: 'any',
        voucherNumber: htmlEncoded(query.voucherNumber),
        size: String(PAGE_SIZE),
      });
      if (query.voucherDate !== undefined) {
        const day = calendarDay(query.voucherDate);
        params.set('voucherDateFrom', day);
        params.set('voucherDateTo', day);
      }
      for (let page = 0; ; page += 1) {
        params.set('page', String(page));
        const answer = await http.json('GET', `/v1/voucherlist?${params}`, undefined, opts.signal);
        const content = isObject(answer) && Array.isArray(answer.content) ? answer.content : [];
        const match = content.find(
          (entry): entry is VoucherListEntry =>
            isObject(entry) &&
            typeof entry.id === 'string' &&
            types.includes(String(entry.voucherType)) &&
            entry.voucherNumber === query.voucherNumber,
        );
        if (match) return match;
        const totalPages =
          isObject(answer) && typeof answer.totalPages === 'number' ? answer.totalPages : 1;
        if (page + 1 >= totalPages || content.length === 0) return undefined;
      }
    },
  };
}
