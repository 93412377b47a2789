import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request } from 'express';
import type { Clock } from '../clock.js';
import { FaultInjector } from './faults.js';
import { RequestLog } from './request-log.js';

/** What every upstream stand-in has: its request log and its failure knob. */
export interface UpstreamState {
  readonly requests: RequestLog;
  readonly faults: FaultInjector;
  reset(): void;
}

export function createUpstreamParts(
  clock: Clock,
  errorBody: (req: Request) => unknown,
): Pick<UpstreamState, 'requests' | 'faults'> {
  return { requests: new RequestLog(clock), faults: new FaultInjector(errorBody) };
}

/** The base URL a client reached this router under, e.g. `http://127.0.0.1:4010/paypal`. */
export function baseUrlOf(req: Request, publicUrl?: string): string {
  const origin = publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return `${origin.replace(/\/$/, '')}${req.baseUrl}`;
}

export function traceId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 16);
}

/**
 * Answers body-parser errors (malformed JSON, too large) and unexpected
 * exceptions in the upstream's own error format.
 */
export function upstreamErrorHandler(
  render: (status: number, message: string, req: Request) => unknown,
): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number'
        ? err.status
        : 500;
    const message =
      status >= 500 ? 'Internal server error' : err instanceof Error ? err.message : 'Bad request';
    res.status(status).json(render(status, message, req));
  };
}
