import type { CertificateRegistry } from '@campus/certificate-registry';
import type { MailJob, MailSender } from '@campus/mailer';

/** The certificate-mail domain's services, built in main.ts. */
export interface CertificateMailDeps extends MailSender {
  /** Numbers, what each certificate says and its PDF's sha256; the receiver's page reads it. */
  registry: CertificateRegistry;
  /** PUBLIC_BASE_URL: the mail and the PDF link to `<it>/zertifikate/<number>`. */
  publicBaseUrl: string;
  /** The send step of one certificate (not of one event): its mail goes out once, whichever request asks. */
  mailOnce(nummer: string): MailJob;
  /** The issue date of a new certificate is today in Berlin. */
  now(): Date;
}
