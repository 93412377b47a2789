import { errorForStatus, UpstreamError } from './errors.js';

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
 * An invoice or credit note as Lexoffice's create endpoints take it, plus our
 * `voucherType` (the contract of `lexoffice_voucher_create_out`), which picks
 * the endpoint and is not sent: Lexoffice knows the type from the URL.
 */
export interface LexofficeVoucher {
  voucherType: LexofficeVoucherType;
  /** YYYY-MM-DD. */
  voucherDate: string;
  address: LexofficeAddress;
  lineItems: LexofficeLineItem[];
  /** Lexoffice computes the totals itself; `totalNetAmount` is ours, for the contract. */
  totalPrice: { currency: 'EUR'; totalNetAmount: number };
  taxConditions: { taxType: 'net' | 'gross' };
  /** Required by Lexoffice for invoices; credit notes have none. */
  shippingConditions?: { shippingType: 'service' | 'delivery' | 'none'; shippingDate?: string };
  title?: string;
  introduction?: string;
  /** Closing text; carries our reference, by which a voucher is found again. */
  remark?: string;
}

export interface CreatedVoucher {
  id: string;
  resourceUri: string;
  createdDate: string;
  updatedDate: string;
  version: number;
}

/** What the voucher list says of one voucher (Lexoffice's `GET /v1/voucherlist`). */
export interface VoucherListEntry {
  id: string;
  voucherType?: string;
  voucherStatus?: string;
  voucherNumber?: string;
  voucherDate?: string;
  createdDate?: string;
  contactName?: string;
}

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

export interface LexofficeClientOptions {
  apiUrl: string;
  apiKey: string;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  /**
   * Awaited before every request, e.g. a rate gate shared by all processes
   * (the account's limit counts requests, wherever they come from). Its
   * errors pass through unchanged: the request was never sent.
   */
  beforeRequest?: (signal: AbortSignal | undefined) => Promise<void>;
}

const COLLECTIONS: Record<LexofficeVoucherType, string> = {
  invoice: 'invoices',
  creditnote: 'credit-notes',
};
const PAGE_SIZE = 250;
// A 429 without Retry-After: wait a second, in which Lexoffice's bucket refills two tokens.
const DEFAULT_RATE_LIMIT_WAIT_SECONDS = '1';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lexoffice's error body as one line: its message and each field it names. Never echoes values. */
function describeRejection(status: number, body: unknown): string {
  const parts: string[] = [];
  if (isObject(body) && typeof body.message === 'string') parts.push(body.message);
  const details = isObject(body) && Array.isArray(body.details) ? body.details : [];
  for (const detail of details) {
    if (isObject(detail) && typeof detail.field === 'string')
      parts.push(`${detail.field}: ${String(detail.message ?? detail.violation ?? 'invalid')}`);
  }
  if (status === 401 || status === 403) parts.push('check LEXOFFICE_API_KEY');
  return parts.join('; ') || 'no details';
}

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Lexoffice (Lexware Office) public API: vouchers created finalized, the
 * voucher list and single vouchers read back. Every answer that is not 2xx
 * becomes the error type carrying its retry behaviour (errorForStatus); a
 * request without an answer is an UpstreamError, retried. Logs nothing: the
 * key and the vouchers (names, addresses) stay out of every log.
 */
export function createLexofficeClient(options: LexofficeClientOptions) {
  const base = options.apiUrl.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const where = `${method} ${path.split('?')[0] ?? path}`;
    await options.beforeRequest?.(signal);
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      });
    } catch (cause) {
      const why = signal?.aborted
        ? 'the request was aborted (worker stopping)'
        : timeout.aborted
          ? `no answer within ${timeoutMs} ms`
          : `the request failed (${(cause as Error).message})`;
      throw new UpstreamError(`Lexoffice ${where}: ${why}`, 'lexoffice', undefined, { cause });
    }
    const text = await response.text().catch((cause: unknown) => {
      throw new UpstreamError(
        `Lexoffice ${where}: the answer broke off (${(cause as Error).message})`,
        'lexoffice',
        response.status,
        { cause },
      );
    });
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      if (response.ok)
        throw new UpstreamError(`Lexoffice ${where}: answer is not JSON`, 'lexoffice', 200, {
          cause,
        });
    }
    if (!response.ok) {
      const retryAfter =
        response.headers.get('retry-after') ??
        (response.status === 429 ? DEFAULT_RATE_LIMIT_WAIT_SECONDS : null);
      throw errorForStatus(
        'lexoffice',
        response.status,
        `${where}: ${describeRejection(response.status, parsed)}`,
        retryAfter,
      );
    }
    return parsed;
  }

  async function getVoucher(
    voucherType: LexofficeVoucherType,
    id: string,
    opts: { signal?: AbortSignal } = {},
  ): Promise<Record<string, unknown>> {
    const path = `/v1/${COLLECTIONS[voucherType]}/${encodeURIComponent(id)}`;
    const voucher = await call('GET', path, undefined, opts.signal);
    return isObject(voucher) ? voucher : {};
  }

  return {
    /** `POST /v1/invoices?finalize=true` or `/v1/credit-notes?finalize=true`. */
    async createVoucher(
      voucher: LexofficeVoucher,
      opts: { signal?: AbortSignal } = {},
    ): Promise<CreatedVoucher> {
      const { voucherType, ...body } = voucher;
      const created = await call(
        'POST',
        `/v1/${COLLECTIONS[voucherType]}?finalize=true`,
        body,
        opts.signal,
      );
      if (!isObject(created) || typeof created.id !== 'string') {
        throw new UpstreamError(
          `Lexoffice created a ${voucherType} but its answer has no id`,
          'lexoffice',
          201,
        );
      }
      return created as unknown as CreatedVoucher;
    },

    getVoucher,

    /**
     * Finds a voucher we created by its remark: the voucher list (created in
     * the window, same recipient) gives the candidates, each is read to compare
     * the remark. Lexoffice has no idempotency key, so this is how a retry
     * learns whether a request that got no answer was carried out.
     */
    async findVoucher(
      query: FindVoucherQuery,
      opts: { signal?: AbortSignal } = {},
    ): Promise<VoucherListEntry | undefined> {
      const from = query.createdFrom.getTime();
      const to = query.createdTo.getTime();
      // The list filters by day; a day either side covers any time zone.
      const params = new URLSearchParams({
        voucherType: query.voucherType,
        voucherStatus: 'any',
        createdDateFrom: utcDay(new Date(from - 86_400_000)),
        createdDateTo: utcDay(new Date(to + 86_400_000)),
        sort: 'createdDate,DESC',
        size: String(PAGE_SIZE),
      });
      for (let page = 0; ; page += 1) {
        params.set('page', String(page));
        const answer = await call('GET', `/v1/voucherlist?${params}`, undefined, opts.signal);
        const content = isObject(answer) && Array.isArray(answer.content) ? answer.content : [];
        for (const entry of content) {
          if (!isObject(entry) || typeof entry.id !== 'string') continue;
          const created =
            typeof entry.createdDate === 'string' ? Date.parse(entry.createdDate) : NaN;
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

export type LexofficeClient = ReturnType<typeof createLexofficeClient>;
