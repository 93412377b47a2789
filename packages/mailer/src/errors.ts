import { NonRetriableError } from '@campus/errors';
import type { ValidationDetail } from '@campus/events';

/**
 * A template was asked for with variables it cannot render (missing, not a
 * number, not a date, a link that is not http(s)). A bug in the caller, so a
 * retry cannot help: it fails the job for good.
 */
export class MailTemplateError extends NonRetriableError {
  override name = 'MailTemplateError';
  constructor(
    message: string,
    readonly template: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * An outbound mail violates its contract (`schemas/mail_*_out.json`) or has
 * no valid recipient. Retrying sends the same payload, so it fails for good.
 */
export class MailContractError extends NonRetriableError {
  override name = 'MailContractError';
  constructor(
    message: string,
    readonly details: readonly ValidationDetail[],
  ) {
    super(message);
  }
}

/**
 * The SMTP server could not be reached or did not accept the message. The job
 * retries. `permanent` is true for a 5xx reply (except 503): the server said
 * no for good, and the same message will probably be refused again.
 */
export class MailSendError extends Error {
  override name = 'MailSendError';
  constructor(
    message: string,
    readonly details: {
      code: string | undefined;
      responseCode: number | undefined;
      permanent: boolean;
    },
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

const ADDRESS = /[^\s<>()[\]",;:@]+@[^\s<>()[\]",;:]+/g;

/** Server replies often quote the recipient; error messages end up in logs and job records. */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, '[address]');
}

const KEPT = ['code', 'responseCode', 'permanent', 'command', 'response', 'timeoutType'] as const;

/**
 * A copy of nodemailer's error fit to be a `cause`: loggers print a cause's
 * message and stack, so the addresses in them are masked, and the fields that
 * only list recipients (`rejected`, `recipient`, `rejectedErrors`) are dropped.
 */
export function sanitisedCause(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(redactAddresses(String(error)));
  const copy = new Error(redactAddresses(error.message));
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = redactAddresses(error.stack);
  const source = error as unknown as Record<string, unknown>;
  const target = copy as unknown as Record<string, unknown>;
  for (const key of KEPT) {
    const value = source[key];
    if (value !== undefined)
      target[key] = typeof value === 'string' ? redactAddresses(value) : value;
  }
  return copy;
}
