import type { RoutedEventBodies } from '@campus/events';
import {
  CODE_TTL_SECONDS,
  allowCodeRequest,
  generateMagicCode,
  storeMagicCode,
  type MagicCodeStore,
} from '@campus/magic-code';
import {
  mailSchemaFor,
  renderMail,
  validateMailContract,
  type Mailer,
  type MagicCodeVars,
} from '@campus/mailer';
import type { EventHandler } from '@campus/queues';

export interface LoginMailDeps {
  mailer: Mailer;
  /** Where codes are kept hashed; the receiver verifies against the same store. */
  store: MagicCodeStore;
}

type LoginCodeJob = 'campus.form.login.magic_code.request';

export type LoginCodeOutcome =
  { sent: true; messageId: string } | { sent: false; reason: 'rate_limited' };

/**
 * `form.login.magic_code.request`: counts the request (at most MAX_REQUESTS
 * per address and window), then generates, stores and mails a code.
 *
 * Both steps run through ctx.once. The limit decision is recorded, so a retry
 * does not count the same request again. Generate, store and send are one
 * step: when the send fails, the retry makes a new code and stores it over the
 * unsent one before mailing it, so the code in the mail is always the one that
 * verifies. Nothing plaintext is recorded for a retry to reuse: the code lives
 * only hashed in Redis and in the mail.
 */
export function createLoginCodeHandler(deps: LoginMailDeps): EventHandler<LoginCodeJob> {
  return async (event: RoutedEventBodies[LoginCodeJob], ctx): Promise<LoginCodeOutcome> => {
    const email = event.data.email;
    const allowed = await ctx.once('allow', () => allowCodeRequest(deps.store, email));
    if (!allowed) {
      // The sender already got its 202; a flood of requests must not flood the inbox.
      ctx.log.warn('login code request over the limit for this address: no mail sent');
      return { sent: false, reason: 'rate_limited' };
    }

    const sent = await ctx.once('mail', async () => {
      const code = generateMagicCode();
      const vars: MagicCodeVars = { code, gueltig_minuten: CODE_TTL_SECONDS / 60 };
      const rendered = renderMail('magic_code', vars);
      validateMailContract(mailSchemaFor('magic_code'), {
        to: email,
        subject: rendered.subject,
        template: 'magic_code',
        vars,
      });
      await storeMagicCode(deps.store, email, code);
      // No derived Message-ID: every send carries a new code, so it is a new
      // message, and an id derived from the code would let it be brute-forced.
      return deps.mailer.send({ to: email, ...rendered, template: 'magic_code' });
    });
    ctx.log.info({ messageId: sent.messageId }, 'login code mailed');
    return { sent: true, messageId: sent.messageId };
  };
}
