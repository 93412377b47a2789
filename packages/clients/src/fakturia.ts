/**
 * Fakturia's REST API (https://wiki.fakturia.de/wiki/REST%20API): base
 * `{apiUrl}/api/v1`, the project's key in the header `api-key`, JSON. What is
 * verified there and what is assumed is in docs/upstreams/fakturia.md.
 */
import type { FakturiaCustomer } from '@campus/events';
import { errorForStatus, UpstreamError, UpstreamRejectedError } from './errors.js';
import {
  FakturiaAnswerFormatError,
  readInvoiceDocument,
  type FakturiaDocument,
} from './fakturia-document.js';

export interface FakturiaClientOptions {
  /** `https://api.fakturia.de`; `/api/v1/…` is appended. */
  apiUrl: string;
  apiKey: string;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Customers per page of the list (default 100). */
  pageSize?: number;
  /**
   * The query asking for one page of `GET /Customers` (not documented by
   * Fakturia): `{page}` from 0, `{size}`, `{offset}` = page × size.
   */
  listQuery?: string;
}

export interface FakturiaCustomerPage {
  /** Counted from 0. */
  page: number;
  customers: FakturiaCustomer[];
  /** No page follows. */
  last: boolean;
}

interface Answer {
  status: number;
  body: Buffer;
  headers: Headers;
}

const UPSTREAM = 'fakturia';
const JSON_ONLY = 'application/json';
const DOCUMENT = 'application/pdf, application/json;q=0.9, text/plain;q=0.8';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fakturia's error body `{errorKey, errorMessage}` as one line. */
function describeError(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed) && (parsed.errorKey || parsed.errorMessage)) {
      return [parsed.errorKey, parsed.errorMessage].filter(Boolean).join(': ').slice(0, 300);
    }
  } catch {
    // not JSON: a proxy's page, say
  }
  return text.replace(/\s+/g, ' ').slice(0, 200) || 'no details';
}

function parseJson(answer: Answer, what: string): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch (cause) {
    throw new FakturiaAnswerFormatError(
      `Fakturia answered ${what} with ${answer.status} but no JSON; compare with docs/upstreams/fakturia.md`,
      { cause },
    );
  }
}

/**
 * Fakturia's customers and invoice documents. A 404 of one customer or
 * document is a typed result (`undefined`); 401/403 and other 4xx are
 * `UpstreamRejectedError`s (failed for good), 429/503 ask the queue to wait,
 * anything else is retried. Logs nothing; errors name paths and numbers, never
 * customer data or the key.
 */
export function createFakturiaClient(options: FakturiaClientOptions) {
  const base = `${options.apiUrl.replace(/\/$/, '')}/api/v1`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pageSize = options.pageSize ?? 100;
  const listQuery = options.listQuery ?? 'page={page}&size={size}';

  async function call(path: string, accept: string, signal?: AbortSignal): Promise<Answer> {
    const what = `GET /api/v1${path.split('?')[0] ?? path}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    let answer: Answer;
    try {
      const response = await fetch(`${base}${path}`, {
        headers: { 'api-key': options.apiKey, accept },
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      });
      const body = Buffer.from(await response.arrayBuffer());
      answer = { status: response.status, body, headers: response.headers };
    } catch (cause) {
      const why = signal?.aborted
        ? 'the request was aborted'
        : timeout.aborted
          ? `no answer within ${timeoutMs} ms`
          : `the request failed (${(cause as Error).message})`;
      throw new UpstreamError(`Fakturia ${what}: ${why}`, UPSTREAM, undefined, { cause });
    }
    if (answer.status === 401 || answer.status === 403) {
      throw new UpstreamRejectedError(
        `Fakturia refused ${what} (${answer.status}: ${describeError(answer.body)}): check FAKTURIA_API_KEY, ` +
          "that the project's API (Schnittstelle) is active, and that this host's IP address is on the project's IP whitelist",
        UPSTREAM,
        answer.status,
      );
    }
    return answer;
  }

  function fail(answer: Answer, what: string): never {
    throw errorForStatus(
      UPSTREAM,
      answer.status,
      `${what}: ${describeError(answer.body)}`,
      answer.headers.get('retry-after'),
    );
  }

  const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;
  const number = (value: string) => encodeURIComponent(value.trim());

  async function listCustomers(
    page: number,
    opts: { signal?: AbortSignal } = {},
  ): Promise<FakturiaCustomerPage> {
    const query = listQuery
      .replaceAll('{page}', String(page))
      .replaceAll('{size}', String(pageSize))
      .replaceAll('{offset}', String(page * pageSize));
    const answer = await call(`/Customers?${query}`, JSON_ONLY, opts.signal);
    if (!ok(answer)) fail(answer, `GET /api/v1/Customers (page ${page})`);
    const body = parseJson(answer, 'the customer list');
    // A plain array ("retrieve all customers"), or a page object {content, last} should Fakturia page that way.
    if (Array.isArray(body)) {
      return { page, customers: body as FakturiaCustomer[], last: body.length < pageSize };
    }
    if (isObject(body) && Array.isArray(body.content)) {
      const customers = body.content as FakturiaCustomer[];
      const last =
        typeof body.last === 'boolean'
          ? body.last
          : typeof body.totalPages === 'number'
            ? page + 1 >= body.totalPages
            : customers.length < pageSize;
      return { page, customers, last };
    }
    throw new FakturiaAnswerFormatError(
      `Fakturia answered GET /api/v1/Customers (page ${page}) with neither a list nor a page of customers; ` +
        'compare with docs/upstreams/fakturia.md',
    );
  }

  return {
    /** `GET /Customers/{customerNumber}`; undefined when Fakturia does not know the customer (404). */
    async getCustomer(
      customerNumber: string,
      opts: { signal?: AbortSignal } = {},
    ): Promise<FakturiaCustomer | undefined> {
      const what = `GET /api/v1/Customers/${customerNumber}`;
      const answer = await call(`/Customers/${number(customerNumber)}`, JSON_ONLY, opts.signal);
      if (answer.status === 404) return undefined;
      if (!ok(answer)) fail(answer, what);
      const customer = parseJson(answer, what);
      if (!isObject(customer)) {
        throw new FakturiaAnswerFormatError(`Fakturia answered ${what} without a customer object`);
      }
      return customer as FakturiaCustomer;
    },

    /** One page of `GET /Customers` (from 0). */
    listCustomers,

    /**
     * Every page of the customer list from `fromPage` on. Stops after the last
     * page, and also when a page repeats the one before (an API that ignores
     * the paging parameters answers every page with the whole list).
     */
    async *customerPages(
      opts: { fromPage?: number; signal?: AbortSignal } = {},
    ): AsyncGenerator<FakturiaCustomerPage> {
      let previous: string | undefined;
      for (let page = opts.fromPage ?? 0; ; page += 1) {
        const current = await listCustomers(page, opts);
        const numbers = JSON.stringify(current.customers.map((c) => c.customerNumber));
        if (current.customers.length > 0 && numbers === previous) return;
        yield current;
        if (current.last || current.customers.length === 0) return;
        previous = numbers;
      }
    },

    /** `GET /Invoices/{invoiceNumber}/Document`: the invoice's PDF; undefined when Fakturia has none (404). */
    async getInvoiceDocument(
      invoiceNumber: string,
      opts: { signal?: AbortSignal } = {},
    ): Promise<FakturiaDocument | undefined> {
      const path = `/Invoices/${number(invoiceNumber)}/Document`;
      const answer = await call(path, DOCUMENT, opts.signal);
      if (answer.status === 404) return undefined;
      if (!ok(answer)) fail(answer, `GET /api/v1/Invoices/${invoiceNumber}/Document`);
      return readInvoiceDocument(invoiceNumber, {
        body: answer.body,
        contentType: answer.headers.get('content-type'),
        contentDisposition: answer.headers.get('content-disposition'),
      });
    },
  };
}

export type FakturiaClient = ReturnType<typeof createFakturiaClient>;
