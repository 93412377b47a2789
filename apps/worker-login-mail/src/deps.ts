import type { MagicCodeStore } from '@campus/magic-code';
import type { MailSender } from '@campus/mailer';

/** The login-mail domain's services, built in main.ts; every handler takes them. */
export interface LoginMailDeps extends MailSender {
  /** Where codes are kept hashed; the receiver verifies against the same store. */
  store: MagicCodeStore;
}
