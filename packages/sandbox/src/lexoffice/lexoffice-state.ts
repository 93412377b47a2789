import type { Request } from 'express';
import type { Clock } from '../clock.js';
import { createUpstreamParts, traceId, type UpstreamState } from '../http/upstream.js';
import { TokenBucket } from './token-bucket.js';

export type LexofficeVoucherType = 'invoice' | 'creditnote';

export interface StoredVoucher {
  id: string;
  voucherType: LexofficeVoucherType;
  resourceUri: string;
  createdDate: string;
  updatedDate: string;
  version: number;
  /** The body as the client sent it. */
  request: unknown;
}

export interface LexofficeOptions {
  /** Requests per second for the whole account; Lexoffice allows 2. */
  ratePerSecond?: number;
}

export interface LexofficeState extends UpstreamState {
  readonly vouchers: Map<string, StoredVoucher>;
  readonly bucket: TokenBucket;
  /** Whether `GET /v1/voucherlist` answers (a control switch, to test a client without it). */
  voucherlistEnabled: boolean;
}

/** Lexoffice's error body (`timestamp`, `status`, `error`, `path`, `traceId`, `message`). */
export function lexofficeError(
  clock: Clock,
  status: number,
  message: string,
  req: Request,
  details?: unknown[],
): Record<string, unknown> {
  const reasons: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    404: 'Not Found',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
  };
  return {
    timestamp: new Date(clock.now()).toISOString(),
    status,
    error: reasons[status] ?? 'Error',
    // The path as Lexoffice sees it, without the sandbox's prefix.
    path: (req.originalUrl.split('?')[0] ?? '').replace(/^\/lexoffice(?=\/)/, ''),
    traceId: traceId(),
    message,
    ...(details ? { details } : {}),
  };
}

export function createLexofficeState(clock: Clock, options: LexofficeOptions = {}): LexofficeState {
  const ratePerSecond = options.ratePerSecond ?? 2;
  const parts = createUpstreamParts(clock, (req) =>
    lexofficeError(clock, 500, 'Sandbox: injected failure.', req),
  );
  const vouchers = new Map<string, StoredVoucher>();
  const bucket = new TokenBucket(clock, ratePerSecond);
  const state: LexofficeState = {
    ...parts,
    vouchers,
    bucket,
    voucherlistEnabled: true,
    reset() {
      parts.requests.clear();
      parts.faults.reset();
      vouchers.clear();
      bucket.reset(ratePerSecond);
      state.voucherlistEnabled = true;
    },
  };
  return state;
}
