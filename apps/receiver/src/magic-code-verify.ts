import type { InboundEvent, MagicCodeVerifyForm } from '@campus/events';
import { verifyMagicCode, type MagicCodeStore, type VerifyOutcome } from '@campus/magic-code';
import { withDeadline } from './deadline.js';

/** The receiver's answer to a magic-code check, and how it is counted. */
export interface MagicCodeAnswer {
  outcome: `magic_code_${VerifyOutcome}`;
  status: 200 | 401 | 429;
  body: { valid: boolean; error?: string };
  headers?: Record<string, string>;
}

/** How long a sender is asked to wait once the code is locked after too many tries. */
const LOCKED_RETRY_AFTER_SECONDS = '900';

/**
 * form.login.magic_code.verify, the one event answered live instead of
 * queued: the code is checked against Redis (200 valid, 401 not, 429 after
 * five failed tries). Redis past the deadline throws UnavailableError (503).
 */
export async function answerMagicCodeVerify(
  store: MagicCodeStore,
  event: InboundEvent,
  deadlineMs: number,
): Promise<MagicCodeAnswer> {
  const { email, code } = event.body.data as MagicCodeVerifyForm;
  const result = await withDeadline(verifyMagicCode(store, email, code), deadlineMs);
  const outcome = `magic_code_${result}` as const;
  if (result === 'valid') return { outcome, status: 200, body: { valid: true } };
  if (result === 'locked') {
    return {
      outcome,
      status: 429,
      body: { valid: false, error: 'too_many_attempts' },
      headers: { 'retry-after': LOCKED_RETRY_AFTER_SECONDS },
    };
  }
  return { outcome, status: 401, body: { valid: false } };
}
