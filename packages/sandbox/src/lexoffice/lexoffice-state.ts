import { randomUUID } from 'node:crypto';
import { SETTINGS } from '@campus/config';
import type { Clock } from '../clock.js';
import { createUpstreamParts, type UpstreamState } from '../http/upstream.js';
import { berlinDateTime } from './berlin-time.js';
import { lexofficeError } from './lexoffice-errors.js';
import { TokenBucket } from './token-bucket.js';

/**
 * What Lexoffice holds: sales documents it issued (`invoice`, `creditnote`)
 * and bookkeeping vouchers (`salesinvoice`, `salescreditnote`), one voucher
 * list over all of them, as in https://developers.lexware.io/docs/
 * (Voucherlist Endpoint: `voucherType`).
 */
export type LexofficeVoucherType = 'invoice' | 'creditnote' | 'salesinvoice' | 'salescreditnote';

export interface StoredVoucher {
  id: string;
  voucherType: LexofficeVoucherType;
  /** Lexoffice's number (invoices, credit notes) or the one the client booked (vouchers). */
  voucherNumber: string;
  voucherStatus: 'draft' | 'open';
  resourceUri: string;
  createdDate: string;
  updatedDate: string;
  /** Epoch ms of creation, for the list's filters and order. */
  createdAt: number;
  version: number;
  /** The body as the client sent it. */
  request: unknown;
  /** Ids of the files attached to a bookkeeping voucher. */
  files: string[];
  /** The rendered PDF of an invoice or credit note, once asked for. */
  documentFileId?: string;
}

export interface StoredFile {
  id: string;
  /** The voucher the file belongs to (attached to, or rendered from). */
  voucherId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
}

export interface LexofficeOptions {
  /** Requests per second for the whole account; Lexoffice allows 2. */
  ratePerSecond?: number;
  /** The only API key accepted; default LEXOFFICE_API_KEY's sandbox value. */
  apiKey?: string;
}

export interface LexofficeState extends UpstreamState {
  readonly vouchers: Map<string, StoredVoucher>;
  readonly files: Map<string, StoredFile>;
  readonly bucket: TokenBucket;
  readonly apiKey: string;
  /** Whether `GET /v1/voucherlist` answers (a control switch, to test a client without it). */
  voucherlistEnabled: boolean;
  /** Lexoffice's next number of a sales document type (`RE1001`, `GS1001`). */
  nextNumber(type: 'invoice' | 'creditnote'): string;
}

const SANDBOX_API_KEY =
  SETTINGS.find((s) => s.env === 'LEXOFFICE_API_KEY')?.sandboxDefault ?? 'sandbox-lexoffice-key';
const PREFIXES = { invoice: 'RE', creditnote: 'GS' } as const;

export function createLexofficeState(clock: Clock, options: LexofficeOptions = {}): LexofficeState {
  const ratePerSecond = options.ratePerSecond ?? 2;
  const parts = createUpstreamParts(clock, (req) =>
    lexofficeError(clock, 500, 'Sandbox: injected failure.', req),
  );
  const vouchers = new Map<string, StoredVoucher>();
  const files = new Map<string, StoredFile>();
  const bucket = new TokenBucket(clock, ratePerSecond);
  const counters = { invoice: 1000, creditnote: 1000 };
  const state: LexofficeState = {
    ...parts,
    vouchers,
    files,
    bucket,
    apiKey: options.apiKey ?? SANDBOX_API_KEY,
    voucherlistEnabled: true,
    nextNumber(type) {
      counters[type] += 1;
      return `${PREFIXES[type]}${counters[type]}`;
    },
    reset() {
      parts.requests.clear();
      parts.faults.reset();
      vouchers.clear();
      files.clear();
      counters.invoice = 1000;
      counters.creditnote = 1000;
      bucket.reset(ratePerSecond);
      state.voucherlistEnabled = true;
    },
  };
  return state;
}

/**
 * Stores a new voucher (version 1, as the docs' create answers show) under
 * `collectionUri`, e.g. `http://127.0.0.1:4010/lexoffice/v1/vouchers`.
 */
export function storeVoucher(
  state: LexofficeState,
  now: number,
  collectionUri: string,
  fields: Pick<StoredVoucher, 'voucherType' | 'voucherNumber' | 'voucherStatus' | 'request'>,
): StoredVoucher {
  const id = randomUUID();
  const voucher: StoredVoucher = {
    ...fields,
    id,
    resourceUri: `${collectionUri}/${id}`,
    createdDate: berlinDateTime(now),
    updatedDate: berlinDateTime(now),
    createdAt: now,
    version: 1,
    files: [],
  };
  state.vouchers.set(id, voucher);
  return voucher;
}

/** Lexoffice's answer to a creation (201). */
export const actionResult = ({
  id,
  resourceUri,
  createdDate,
  updatedDate,
  version,
}: StoredVoucher) => ({
  id,
  resourceUri,
  createdDate,
  updatedDate,
  version,
});
