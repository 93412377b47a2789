import type { Source } from '@campus/sources';
import {
  invalid,
  type EventValidation,
  type SenderValidation,
  type ValidationContext,
} from './inbound-event.js';
import { validateCampus } from './senders/campus.js';
import { validateFakturia } from './senders/fakturia.js';
import { validatePaypal } from './senders/paypal.js';
import { validatePlenigo } from './senders/plenigo.js';

/** Each sender's validation; a new source without one does not compile. */
const SENDERS: Record<Source, SenderValidation> = {
  fakturia: validateFakturia,
  plenigo: validatePlenigo,
  paypal: validatePaypal,
  campus: validateCampus,
};

/**
 * Checks a parsed body against its source's envelope, the event type's
 * attributes and, where one exists, its schema; derives the event key.
 */
export function validateEvent(
  source: Source,
  body: unknown,
  context: ValidationContext = {},
): EventValidation {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return invalid([{ path: '/', message: 'must be a JSON object' }]);
  }
  return SENDERS[source](body as Record<string, unknown>, context);
}
