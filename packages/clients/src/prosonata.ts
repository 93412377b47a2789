import {
  errorForStatus,
  parseRetryAfter,
  UpstreamError,
  UpstreamRateLimitError,
  UpstreamRejectedError,
} from './errors.js';
import type {
  ProsonataAddress,
  ProsonataAddressFields,
  ProsonataAddressFilters,
  ProsonataAddressPage,
  ProsonataAddressResult,
  ProsonataListOptions,
} from './prosonata-address.js';
import type { ProsonataQuota, QuotaTicket } from './prosonata-quota.js';

export interface ProsonataClientOptions {
  /** Base URL (`https://<firma>.prosonata.software`); `/api/v1/…` is appended. */
  apiUrl: string;
  apiKey: string;
  /** Per call (default 10 s). */
  timeoutMs?: number;
  /** The quota shared by every process (`createProsonataQuota(redis, prefix)`). */
  quota: ProsonataQuota;
}

interface Meta {
  apiLimitRemaining?: unknown;
  apiLimitReset?: unknown;
  page?: unknown;
  perPage?: unknown;
  totalCount?: unknown;
}
interface Answer {
  status: number;
  meta: Meta;
  data: unknown;
  message: string;
  retryAfter: string | null;
}

const UPSTREAM = 'prosonata';
// Without a reset in the answer, wait a minute: ProSonata's window is 15 minutes.
const FALLBACK_WAIT_MS = 60_000;

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * ProSonata's address API (`X-API-Key`). Every answer's quota is recorded in
 * the shared quota; when it is used up the next call is not made but fails
 * with an `UpstreamRateLimitError` carrying the wait until the window resets,
 * which makes the worker runtime pause the whole queue. 409 (customer group
 * missing) and other 4xx are `UpstreamRejectedError`s; 404 of one address is a
 * typed result. Neither the key nor address data are put into errors.
 */
export function createProsonataClient(options: ProsonataClientOptions) {
  const base = `${options.apiUrl.replace(/\/$/, '')}/api/v1`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const { quota } = options;

  async function call(
    method: string,
    path: string,
    body?: ProsonataAddressFields,
  ): Promise<Answer> {
    // The path alone names the request in errors: queries carry names and markers.
    const what = `${method} ${path.split('?')[0] ?? path}`;
    const ticket: QuotaTicket = await quota.acquire();
    if (ticket.kind === 'wait') {
      throw new UpstreamRateLimitError(
        `ProSonata's API quota is used up; the next window opens in ${Math.ceil(ticket.retryAfterMs / 1000)} s (${what} not sent)`,
        UPSTREAM,
        undefined,
        ticket.retryAfterMs,
      );
    }
    let answer: Answer;
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          'x-api-key': options.apiKey,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      const parsed = parseJson(text);
      answer = {
        status: response.status,
        meta: (parsed?.meta ?? {}) as Meta,
        data: parsed?.data,
        message: typeof parsed?.message === 'string' ? parsed.message : text.slice(0, 200),
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (cause) {
      await quota.release(ticket);
      throw new UpstreamError(
        `ProSonata did not answer ${what} (${describeFailure(cause, timeoutMs)}); it may have acted, so look before creating again`,
        UPSTREAM,
        undefined,
        { cause },
      );
    }

    const remaining = num(answer.meta.apiLimitRemaining);
    const resetMs = (num(answer.meta.apiLimitReset) ?? 0) * 1000;
    if (answer.status === 429) {
      const waitMs = resetMs > 0 ? resetMs : parseRetryAfter(answer.retryAfter, FALLBACK_WAIT_MS);
      await quota.record(ticket, 0, waitMs);
      throw new UpstreamRateLimitError(
        `ProSonata answered 429 (API limit reached); the next window opens in ${Math.ceil(waitMs / 1000)} s`,
        UPSTREAM,
        429,
        waitMs,
      );
    }
    if (remaining !== undefined) await quota.record(ticket, remaining, resetMs);
    else await quota.release(ticket);
    return answer;
  }

  function fail(answer: Answer, what: string, customerID?: number): never {
    if (answer.status === 409) {
      throw new UpstreamRejectedError(
        `ProSonata refused ${what}: the customer group (Firma/Gruppe) customerID ${customerID ?? '?'} does not exist. ` +
          `Create it in ProSonata or set PROSONATA_CUSTOMER_ID to an existing group, then retry the job. ProSonata said: ${answer.message}`,
        UPSTREAM,
        409,
      );
    }
    if (answer.status === 401 || answer.status === 403) {
      throw new UpstreamRejectedError(
        `ProSonata refused the API key (${answer.status}) for ${what}: check PROSONATA_API_KEY and that its user is in the group Verwaltung`,
        UPSTREAM,
        answer.status,
      );
    }
    throw errorForStatus(UPSTREAM, answer.status, `${what}: ${answer.message}`, answer.retryAfter);
  }

  const isOk = (answer: Answer) => answer.status >= 200 && answer.status < 300;

  function addressOf(answer: Answer, what: string): ProsonataAddress {
    const data = answer.data as ProsonataAddress | undefined;
    if (!data || typeof data.addressID !== 'number') {
      throw new UpstreamError(
        `ProSonata answered ${what} without an address`,
        UPSTREAM,
        answer.status,
      );
    }
    return data;
  }

  const client = {
    /** `GET /addresses` with filters, sorting and paging; ProSonata does not say a filter is exact. */
    async listAddresses(
      filters: ProsonataAddressFilters = {},
      list: ProsonataListOptions = {},
    ): Promise<ProsonataAddressPage> {
      const query = new URLSearchParams();
      for (const [field, value] of Object.entries(filters)) {
        if (value !== undefined) query.set(field, String(value));
      }
      if (list.orderBy) query.set('orderBy', list.orderBy);
      if (list.page !== undefined) query.set('page', String(list.page));
      if (list.perPage !== undefined) query.set('perPage', String(list.perPage));
      const search = query.size > 0 ? `?${query}` : '';
      const answer = await call('GET', `/addresses${search}`);
      if (!isOk(answer)) fail(answer, 'the address list');
      const addresses = Array.isArray(answer.data) ? (answer.data as ProsonataAddress[]) : [];
      return {
        addresses,
        page: num(answer.meta.page) ?? list.page ?? 1,
        perPage: num(answer.meta.perPage) ?? list.perPage ?? addresses.length,
        totalCount: num(answer.meta.totalCount) ?? addresses.length,
      };
    },

    async getAddress(id: number): Promise<ProsonataAddressResult> {
      const answer = await call('GET', `/addresses/${id}`);
      if (answer.status === 404) return { found: false, addressId: id };
      if (!isOk(answer)) fail(answer, `address ${id}`);
      return { found: true, address: addressOf(answer, `GET address ${id}`) };
    },

    /** `POST /addresses`; `customerID` and `city` are required by ProSonata. */
    async createAddress(fields: ProsonataAddressFields): Promise<ProsonataAddress> {
      const answer = await call('POST', '/addresses', fields);
      if (!isOk(answer)) fail(answer, 'the new address', fields.customerID);
      return addressOf(answer, 'POST address');
    },

    /** `PUT /addresses/{id}`: only the fields sent change. */
    async updateAddress(
      id: number,
      fields: ProsonataAddressFields,
    ): Promise<ProsonataAddressResult> {
      const answer = await call('PUT', `/addresses/${id}`, fields);
      if (answer.status === 404) return { found: false, addressId: id };
      if (!isOk(answer)) fail(answer, `address ${id}`, fields.customerID);
      return { found: true, address: addressOf(answer, `PUT address ${id}`) };
    },

    /**
     * The addresses whose `comments` are exactly `marker`. The filter is a
     * search ("Filterung/Suche") that the documentation does not call exact, so
     * `campus:fakturia:K1` may also find `…K10`: every page of results is
     * checked here, and only an exact match counts.
     */
    async findAddressesByMarker(marker: string): Promise<ProsonataAddress[]> {
      const found: ProsonataAddress[] = [];
      const perPage = 100;
      for (let page = 1; page <= MAX_MARKER_PAGES; page++) {
        const result = await client.listAddresses(
          { comments: marker },
          { orderBy: 'addressID ASC', page, perPage },
        );
        found.push(...result.addresses.filter((address) => address.comments === marker));
        if (result.addresses.length < perPage || page * perPage >= result.totalCount) break;
      }
      return found;
    },
  };
  return client;
}

/** A marker search that needs more pages than this is not one customer's: stop there. */
const MAX_MARKER_PAGES = 5;

export type ProsonataClient = ReturnType<typeof createProsonataClient>;

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function describeFailure(cause: unknown, timeoutMs: number): string {
  const error = cause as Error & { cause?: { code?: string } };
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  return error.cause?.code ?? error.message;
}
