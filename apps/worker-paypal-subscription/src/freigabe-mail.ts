import type { CustomerRecord } from '@campus/customer-directory';
import {
  deriveMessageId,
  mailSchemaFor,
  renderMail,
  validateMailContract,
  type Mailer,
  type SentMail,
} from '@campus/mailer';
import type { JobContext } from '@campus/queues';

const TEMPLATE = 'paypal_freigabe';

export interface FreigabeMail {
  to: string;
  contractNumber: string;
  customer: CustomerRecord;
  approveUrl: string;
}

/**
 * Mails the approval link once per event: the outcome is recorded under the
 * event key, and the deterministic Message-ID marks a resend as the same mail.
 */
export async function sendFreigabeMail(
  mail: FreigabeMail,
  deps: { mailer: Mailer; mailFrom: string },
  ctx: JobContext,
): Promise<SentMail> {
  const name = [mail.customer.firstName, mail.customer.lastName].filter(Boolean).join(' ');
  const vars = {
    freigabe_link: mail.approveUrl,
    vertrag_nr: mail.contractNumber,
    ...(name ? { kunde_name: name } : {}),
  };
  const rendered = renderMail(TEMPLATE, vars);
  validateMailContract(mailSchemaFor(TEMPLATE), {
    to: mail.to,
    subject: rendered.subject,
    template: TEMPLATE,
    vars,
  });
  return ctx.once('mail', () =>
    deps.mailer.send({
      to: mail.to,
      ...rendered,
      template: TEMPLATE,
      messageId: deriveMessageId(`${ctx.eventKey}/${TEMPLATE}`, deps.mailFrom),
    }),
  );
}
