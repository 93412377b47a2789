import type { MailSender } from '@campus/mailer';

/** The certificate-mail domain's services, built in main.ts: only the mail. */
export type CertificateMailDeps = MailSender;
