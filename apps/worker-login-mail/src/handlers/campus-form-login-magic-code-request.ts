import {
  CODE_TTL_SECONDS,
  allowCodeRequest,
  generateMagicCode,
  storeMagicCode,
} from '@campus/magic-code';
import { composeMail, sendOnce } from '@campus/mailer';
import type { EventHandler } from '@campus/queues';
import type { LoginMailDeps } from '../deps.js';

export type LoginCodeOutcome =
  { sent: true; messageId: string } | { sent: false; reason: 'rate_limited' };

/**
 * `form.login.magic_code.request`: counts the request (at most MAX_REQUESTS
 * per address and window), then generates, stores and mails a code.
 *
 * Both steps run through ctx.once. The limit decision is recorded, so a retry
 * does not count the same request again. Generate, store and send are one
 * step. A code is stored beside the address's other codes, never over them:
 * two requests that cross (a double click) mail two codes, and whichever mail
 * the customer opens, its code verifies (until one code is used). When the
 * send fails, the retry makes a new code; the unsent one stays valid until it
 * expires, so a mail that did go out despite the error (an answer lost after
 * the data was accepted) still works. Nothing plaintext is recorded for a
 * retry to reuse: the code lives only hashed in Redis and in the mail.
 */
export function handleCampusFormLoginMagicCodeRequest(
  deps: LoginMailDeps,
): EventHandler<'campus.form.login.magic_code.request'> {
  return async (event, ctx): Promise<LoginCodeOutcome> => {
    const email = event.data.email;
    const allowed = await ctx.once('allow', () => allowCodeRequest(deps.store, email));
    if (!allowed) {
      // The sender already got its 202; a flood of requests must not flood the inbox.
      ctx.log.warn('login code request over the limit for this address: no mail sent');
      return { sent: false, reason: 'rate_limited' };
    }

    // No derived Message-ID: every send carries a new code, so it is a new
    // message, and an id derived from the code would let it be brute-forced.
    const sent = await sendOnce(
      ctx,
      deps,
      async () => {
        const code = generateMagicCode();
        const mail = composeMail('magic_code', {
          to: email,
          vars: { code, gueltig_minuten: CODE_TTL_SECONDS / 60 },
        });
        await storeMagicCode(deps.store, email, code);
        return mail;
      },
      { messageId: 'fresh' },
    );
    ctx.log.info({ messageId: sent.messageId }, 'login code mailed');
    return { sent: true, messageId: sent.messageId };
  };
}
