import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Clock } from '../clock.js';

/** One request an upstream stand-in received, as `GET /_control/{upstream}/requests` shows it. */
export interface RecordedRequest {
  seq: number;
  time: string;
  /** Milliseconds since the epoch, for rate assertions. */
  at: number;
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: unknown;
  /** Status answered; null while unanswered or when the answer was held back. */
  status: number | null;
  /** Set when a failure knob decided this request's fate. */
  fault?: string;
  /** With `timeout-after-work`: the status the work produced but the client never got. */
  withheldStatus?: number;
  /**
   * Body parameters the vendor does not document for this call. The stand-in
   * ignores them, as an API that does not know them would, and names them here
   * so that a contract test fails on them.
   */
  undocumented?: string[];
}

const MAX_ENTRIES = 10_000;

// Credentials a test may check were sent, but never reads back.
const SECRET_HEADERS = new Set([
  'authorization',
  'x-api-key',
  'api-key',
  'cookie',
  'proxy-authorization',
]);

function redactHeaders(headers: Request['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (!SECRET_HEADERS.has(name)) {
      out[name] = text;
    } else {
      const scheme = /^(Bearer|Basic)\s/i.exec(text)?.[1];
      out[name] = scheme ? `${scheme} [redacted]` : '[redacted]';
    }
  }
  return out;
}

/** Every request one upstream stand-in received, in order. */
export class RequestLog {
  private entries: RecordedRequest[] = [];
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  list(): readonly RecordedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }

  /** Records the request before anything else runs, so failed and held requests are kept too. */
  record(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      const at = this.clock.now();
      const entry: RecordedRequest = {
        seq: ++this.seq,
        time: new Date(at).toISOString(),
        at,
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? req.originalUrl,
        query: { ...(req.query as Record<string, unknown>) },
        headers: redactHeaders(req.headers),
        body: undefined,
        status: null,
      };
      this.entries.push(entry);
      // A long-running demo sandbox must not grow without bound.
      if (this.entries.length > MAX_ENTRIES)
        this.entries.splice(0, this.entries.length - MAX_ENTRIES);
      res.locals.recordedRequest = entry;
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      next();
    };
  }

  /** Copies the parsed body into the record; mount after the body parsers. */
  captureBody(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      const entry = recordedRequestOf(res);
      if (entry) entry.body = req.body;
      next();
    };
  }
}

export function recordedRequestOf(res: Response): RecordedRequest | undefined {
  return res.locals.recordedRequest as RecordedRequest | undefined;
}
