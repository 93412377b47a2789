import {
  deriveMessageId,
  mailSchemaFor,
  renderMail,
  validateMailContract,
  type Mailer,
  type MailTemplateName,
  type MailTemplateVars,
} from '@campus/mailer';
import type { JobContext } from '@campus/queues';

export interface MailSender {
  mailer: Mailer;
  /** MAIL_FROM; its domain is the Message-ID's. */
  from: string;
}

/**
 * Renders, checks against the template's contract and sends one mail per job:
 * the outcome is recorded under the event key (ctx.once), so a retry after the
 * send does not send again, and the Message-ID is derived from the event key,
 * so a resend that slips through (crash between send and record) is the same
 * message to the receiving side.
 */
export async function sendMailOnce<T extends MailTemplateName>(
  sender: MailSender,
  ctx: JobContext,
  mail: { to: string; template: T; vars: MailTemplateVars[T] },
): Promise<{ messageId: string }> {
  const rendered = renderMail(mail.template, mail.vars);
  validateMailContract(mailSchemaFor(mail.template), {
    to: mail.to,
    subject: rendered.subject,
    template: mail.template,
    vars: mail.vars,
  });
  const messageId = deriveMessageId(`${ctx.eventKey}/${mail.template}`, sender.from);
  return ctx.once('mail', () =>
    sender.mailer.send({ to: mail.to, ...rendered, messageId, template: mail.template }),
  );
}
