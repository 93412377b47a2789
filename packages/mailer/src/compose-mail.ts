import { createHash } from 'node:crypto';
import { mailSchemaFor, validateMailContract } from './contract.js';
import type { MailAttachment } from './mail-message.js';
import { renderMail, type MailTemplateName, type MailTemplateVars } from './render-mail.js';

/** A rendered mail that satisfies its contract: what sendOnce sends. */
export interface ComposedMail<T extends MailTemplateName = MailTemplateName> {
  to: string;
  template: T;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** Who gets the mail, the template's vars and, for the certificate, its PDF. */
export interface MailInput<T extends MailTemplateName> {
  to: string;
  vars: MailTemplateVars[T];
  attachments?: MailAttachment[];
}

/**
 * Renders `template` and checks the mail against the template's seed contract
 * (`mail_*_out`; only the recipient where the seeds define none). The
 * contract's `anhang` is the first attachment: its file name and the sha256 of
 * its bytes, so the checked hash is the one of what is sent. Throws
 * MailTemplateError or MailContractError: a retry cannot fix either.
 */
export function composeMail<T extends MailTemplateName>(
  template: T,
  input: MailInput<T>,
): ComposedMail<T> {
  const rendered = renderMail(template, input.vars);
  const attachment = input.attachments?.[0];
  validateMailContract(mailSchemaFor(template), {
    to: input.to,
    subject: rendered.subject,
    template,
    vars: input.vars,
    ...(attachment === undefined
      ? {}
      : {
          anhang: {
            filename: attachment.filename,
            sha256: createHash('sha256').update(attachment.content).digest('hex'),
          },
        }),
  });
  return {
    to: input.to,
    template,
    ...rendered,
    ...(input.attachments === undefined ? {} : { attachments: input.attachments }),
  };
}
