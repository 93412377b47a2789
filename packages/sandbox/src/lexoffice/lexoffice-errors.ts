/**
 * Lexoffice's three error bodies, as https://developers.lexware.io/docs/
 * ("Error Codes", "HTTP Status Codes") shows them:
 * - the regular one of most endpoints (invoices, credit notes, voucherlist):
 *   `{timestamp, status, error, path, traceId, message, details[]}`, each
 *   detail `{violation, field, message}` (sample: 406, `NOTNULL`,
 *   `lineItems[0].unitPrice.taxRatePercentage`, "darf nicht leer sein");
 * - the legacy `{IssueList: [{i18nKey, source, type, additionalData, args}]}`
 *   of the vouchers, files and contacts endpoints (documented keys:
 *   `missing_entity` 406, `bad_request_error` 400, `technical_error` 500;
 *   `invalid_value`, `invalid_total_amount` and `invalid_taxamount` are what a
 *   live account answered, per github.com/benethos-hub/lexware-office-mcp
 *   src/benethos_lexware_office_mcp/payloads.py);
 * - the gateway's `{message}` (401 "Unauthorized").
 * The exact `violation` names beyond NOTNULL and the German texts here are
 * the sandbox's own.
 */
import type { Request } from 'express';
import type { Clock } from '../clock.js';
import { traceId } from '../http/upstream.js';
import { berlinDateTime } from './berlin-time.js';

/** One entry of a regular error's `details`. */
export interface LexofficeViolation {
  violation: string;
  field: string;
  message: string;
}

/** One entry of a legacy error's `IssueList`. */
export interface LexofficeIssue {
  i18nKey: string;
  source: string | null;
  type: string;
  additionalData: null;
  args: null;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** The regular error body. */
export function lexofficeError(
  clock: Clock,
  status: number,
  message: string,
  req: Request,
  details?: LexofficeViolation[],
): Record<string, unknown> {
  return {
    timestamp: berlinDateTime(clock.now()),
    status,
    error: REASONS[status] ?? 'Error',
    // The path as Lexoffice sees it, without the sandbox's prefix.
    path: (req.originalUrl.split('?')[0] ?? '').replace(/^\/lexoffice(?=\/)/, ''),
    traceId: traceId(),
    message,
    ...(details ? { details } : {}),
  };
}

export const VALIDATION_FAILED =
  'Validation failed for request. Please see details list for specific causes.';

export function issue(
  i18nKey: string,
  source: string | null,
  type = 'validation_failure',
): LexofficeIssue {
  return { i18nKey, source, type, additionalData: null, args: null };
}

/** The legacy error body. */
export const legacyError = (issues: LexofficeIssue[]) => ({ IssueList: issues });
