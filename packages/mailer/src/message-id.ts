import { createHash } from 'node:crypto';
import { MailContractError } from './errors.js';

const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;
const FALLBACK_DOMAIN = 'campus-events.invalid';

/**
 * A Message-ID that is the same every time for the same seed (say the event
 * key plus the template), so a resent mail is recognisable as the same one.
 * The seed is hashed: event keys hold characters a Message-ID may not.
 */
export function deriveMessageId(seed: string, from: string): string {
  const id = createHash('sha256').update(seed).digest('hex').slice(0, 32);
  return `<${id}@${domainOf(from)}>`;
}

/** `abc@host` or `<abc@host>` → `<abc@host>`; anything else is a bug in the caller. */
export function normaliseMessageId(messageId: string): string {
  const wrapped = messageId.startsWith('<') ? messageId : `<${messageId}>`;
  if (!MESSAGE_ID.test(wrapped)) {
    throw new MailContractError(
      `messageId ${JSON.stringify(messageId.slice(0, 80))} is not a Message-ID like <id@domain>; derive it with deriveMessageId(eventKey, from)`,
      [{ path: '/messageId', message: 'must look like <id@domain>' }],
    );
  }
  return wrapped;
}

function domainOf(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1] ?? FALLBACK_DOMAIN;
}
