import {
  compileSchema,
  toDetails,
  validateAgainst,
  type SchemaName,
  type ValidationDetail,
} from '@campus/events';
import { MailContractError } from './errors.js';
import type { MailTemplateName } from './render-mail.js';

/** The seed contracts of outbound mail (`schemas/mail_*_out.json`). */
export type MailSchemaName = Extract<SchemaName, `mail_${string}`>;

/** What a mail worker sends, in the shape of the seed mail contracts. */
export interface OutboundMailPayload {
  to: string;
  subject: string;
  template: MailTemplateName;
  vars: Record<string, unknown>;
  /** The attachment's name and sha256 (certificate and e-book mails). */
  anhang?: { filename: string; sha256: string };
}

const SCHEMA_OF: Record<MailTemplateName, MailSchemaName | null> = {
  mahnung_1: 'mail_mahnung_out',
  mahnung_2: 'mail_mahnung_out',
  mahnung_3: 'mail_mahnung_out',
  angebot_initial: 'mail_angebot_initial_out',
  follow_up_1: 'mail_follow_up_out',
  follow_up_2: 'mail_follow_up_out',
  follow_up_3: 'mail_follow_up_out',
  zertifikat: 'mail_zertifikat_out',
  // Ours, in the seeds' style (packages/events/src/schemas/campus/).
  ebook_kauf: 'mail_ebook_kauf_out',
  // No seed contract for these three; only the recipient is checked.
  zahlung_fehlgeschlagen: null,
  magic_code: null,
  paypal_freigabe: null,
};

/** The seed contract a template's mail must satisfy, or null where the seeds define none. */
export function mailSchemaFor(template: MailTemplateName): MailSchemaName | null {
  return SCHEMA_OF[template];
}

const RECIPIENT_SCHEMA = {
  type: 'object',
  required: ['to'],
  properties: { to: { type: 'string', format: 'email' } },
};

/**
 * Checks an outbound mail against its seed contract (null: only a valid
 * recipient is required). A violation is a bug a retry cannot fix, so it
 * throws MailContractError (a NonRetriableError) listing ajv's findings.
 */
export function validateMailContract(
  schemaName: MailSchemaName | null,
  payload: unknown,
): asserts payload is OutboundMailPayload {
  const recipient = compileSchema('mailer:recipient', RECIPIENT_SCHEMA);
  const details: ValidationDetail[] = [];
  if (schemaName !== null) {
    const result = validateAgainst(schemaName, payload);
    if (!result.ok) details.push(...result.details);
  }
  // The seed contracts check `to` too; checking it again only when they passed avoids doubled lines.
  if (details.length === 0 && !recipient(payload)) {
    details.push(...toDetails(recipient.errors));
  }
  if (details.length > 0) {
    const contract = schemaName ?? 'recipient check';
    throw new MailContractError(
      `Outbound mail violates ${contract}: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}. ` +
        'The worker built a payload the contract forbids; fix the worker, a retry sends the same payload.',
      details,
    );
  }
}
