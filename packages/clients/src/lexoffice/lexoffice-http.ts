import { errorForStatus, UpstreamError } from '../errors.js';

export interface LexofficeHttpOptions {
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

/** Per call: the caller's abort signal (a stopping worker). */
export interface LexofficeCallOptions {
  signal?: AbortSignal;
}

/** A file Lexoffice served: its bytes, type and the name it suggests. */
export interface DownloadedFile {
  data: Buffer;
  contentType: string;
  fileName: string | undefined;
}

type Method = 'GET' | 'POST';
interface Outgoing {
  body?: string | FormData;
  contentType?: string;
  accept: string;
  signal: AbortSignal | undefined;
}

const UPSTREAM = 'lexoffice';
// A 429 without Retry-After (the docs show none): wait a second, in which the bucket refills two tokens.
const DEFAULT_RATE_LIMIT_WAIT_SECONDS = '1';

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Lexoffice's error body as one line, from whichever of its three shapes it
 * has (https://developers.lexware.io/docs/, "Error Codes"): the regular one
 * (`message` and `details[]` with `field`), the legacy `IssueList[]` of the
 * vouchers, files and contacts endpoints (`source` and `i18nKey`), and the
 * gateway's `{message}`. Field names and keys only: never a value we sent.
 */
function describeRejection(status: number, body: unknown): string {
  const parts: string[] = [];
  if (isObject(body) && typeof body.message === 'string') parts.push(body.message);
  const details = isObject(body) && Array.isArray(body.details) ? body.details : [];
  for (const detail of details) {
    if (isObject(detail) && typeof detail.field === 'string')
      parts.push(`${detail.field}: ${String(detail.message ?? detail.violation ?? 'invalid')}`);
  }
  const issues = isObject(body) && Array.isArray(body.IssueList) ? body.IssueList : [];
  for (const issue of issues) {
    if (!isObject(issue)) continue;
    const key = String(issue.i18nKey ?? issue.type ?? 'invalid');
    parts.push(typeof issue.source === 'string' ? `${issue.source}: ${key}` : key);
  }
  if (status === 401 || status === 403) parts.push('check LEXOFFICE_API_KEY');
  return parts.join('; ') || 'no details';
}

function fileNameOf(disposition: string | null): string | undefined {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1];
}

/**
 * One Lexoffice request: the gate, the key, a timeout, the caller's abort,
 * and every answer that is not 2xx turned into the error type that carries
 * its retry behaviour (errorForStatus). A request without an answer is an
 * UpstreamError, retried. Logs nothing.
 */
export function createLexofficeHttp(options: LexofficeHttpOptions) {
  const base = options.apiUrl.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function send(method: Method, path: string, out: Outgoing): Promise<Response> {
    const where = `${method} ${path.split('?')[0] ?? path}`;
    await options.beforeRequest?.(out.signal);
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: out.accept,
          // FormData sets its own multipart type with the boundary.
          ...(out.contentType ? { 'content-type': out.contentType } : {}),
        },
        body: out.body,
        signal: out.signal ? AbortSignal.any([timeout, out.signal]) : timeout,
      });
    } catch (cause) {
      const why = out.signal?.aborted
        ? 'the request was aborted (worker stopping)'
        : timeout.aborted
          ? `no answer within ${timeoutMs} ms`
          : `the request failed (${(cause as Error).message})`;
      throw new UpstreamError(`Lexoffice ${where}: ${why}`, UPSTREAM, undefined, { cause });
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    const retryAfter =
      response.headers.get('retry-after') ??
      (response.status === 429 ? DEFAULT_RATE_LIMIT_WAIT_SECONDS : null);
    throw errorForStatus(
      UPSTREAM,
      response.status,
      `${where}: ${describeRejection(response.status, parsed)}`,
      retryAfter,
    );
  }

  async function bodyOf(response: Response, where: string): Promise<ArrayBuffer> {
    try {
      return await response.arrayBuffer();
    } catch (cause) {
      throw new UpstreamError(
        `Lexoffice ${where}: the answer broke off (${(cause as Error).message})`,
        UPSTREAM,
        response.status,
        { cause },
      );
    }
  }

  async function jsonOf(response: Response, where: string): Promise<unknown> {
    const text = Buffer.from(await bodyOf(response, where)).toString('utf8');
    try {
      return text ? JSON.parse(text) : undefined;
    } catch (cause) {
      throw new UpstreamError(`Lexoffice ${where}: answer is not JSON`, UPSTREAM, response.status, {
        cause,
      });
    }
  }

  return {
    /** A JSON request (or none) with a JSON answer. */
    async json(method: Method, path: string, body?: unknown, signal?: AbortSignal) {
      const response = await send(method, path, {
        accept: 'application/json',
        signal,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), contentType: 'application/json' }),
      });
      return jsonOf(response, `${method} ${path.split('?')[0] ?? path}`);
    },

    /** A `multipart/form-data` upload with a JSON answer. */
    async upload(path: string, form: FormData, signal?: AbortSignal) {
      const response = await send('POST', path, { accept: 'application/json', body: form, signal });
      return jsonOf(response, `POST ${path}`);
    },

    /** A file: `accept` picks the representation (PDF, or XML of an e-invoice). */
    async download(path: string, accept: string, signal?: AbortSignal): Promise<DownloadedFile> {
      const response = await send('GET', path, { accept, signal });
      return {
        data: Buffer.from(await bodyOf(response, `GET ${path}`)),
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
        fileName: fileNameOf(response.headers.get('content-disposition')),
      };
    },
  };
}

export type LexofficeHttp = ReturnType<typeof createLexofficeHttp>;

/** Lexoffice's answer to a creation ("action result"): its id is all a caller can go on. */
export function actionResult(
  answer: unknown,
  what: string,
): { id: string } & Record<string, unknown> {
  if (!isObject(answer) || typeof answer.id !== 'string') {
    throw new UpstreamError(`Lexoffice created ${what} but its answer has no id`, UPSTREAM, 201);
  }
  return answer as { id: string } & Record<string, unknown>;
}
