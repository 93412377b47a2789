import type { Logger } from '@campus/logger';
import { createTransport, type NodemailerError } from 'nodemailer';
import { MailSendError, redactAddresses, sanitisedCause } from './errors.js';
import {
  CONTENT_ACCESS,
  toSendMailOptions,
  type Mailer,
  type MailMessage,
} from './mail-message.js';

export interface SmtpMailerOptions {
  smtpUrl: string;
  from: string;
  logger: Logger;
}

// Fail a stuck connection within seconds so the job's own retry takes over,
// instead of nodemailer's defaults (2 min to connect, 10 min of socket silence).
const TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 60_000,
  dnsTimeout: 10_000,
};

/** Sends through an SMTP server (`smtp://` with STARTTLS when offered, `smtps://`), pooled. */
export function createSmtpMailer({ smtpUrl, from, logger }: SmtpMailerOptions): Mailer {
  const target = describeServer(smtpUrl);
  const log = logger.child({ component: 'mailer', transport: 'smtp' });
  const transporter = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
    ...TIMEOUTS,
    ...CONTENT_ACCESS,
    logger: false,
  });

  return {
    async send(message: MailMessage) {
      const options = toSendMailOptions(message, from);
      let info;
      try {
        info = await transporter.sendMail(options);
      } catch (error) {
        throw smtpError(error, target, `Mail ${options.messageId}`);
      }
      // One recipient per mail: a refused recipient usually rejects above, but a
      // server may accept the transaction and still list it as rejected.
      if (info.rejected.length > 0) {
        throw new MailSendError(
          `Mail ${info.messageId} was not accepted for its recipient by ${target}; the job is retried`,
          { code: 'EENVELOPE', responseCode: undefined, permanent: false },
          { cause: sanitisedCause(info.rejectedErrors?.[0] ?? info.rejected) },
        );
      }
      log.info({ messageId: info.messageId, template: message.template }, 'mail sent');
      return { messageId: info.messageId };
    },
    async verify() {
      try {
        await transporter.verify();
      } catch (error) {
        throw smtpError(error, target, 'The SMTP check');
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/** `smtp://user:pass@host:587` → `smtp://host:587`: never put the credentials in a message. */
function describeServer(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
    return `${url.protocol}//${url.hostname}:${port}`;
  } catch {
    return 'the SMTP server (SMTP_URL does not parse as a URL)';
  }
}

function smtpError(error: unknown, target: string, what: string): MailSendError {
  const e = (error ?? {}) as NodemailerError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const permanent = e.permanent === true;
  const reason =
    responseCode !== undefined
      ? `the server answered ${redactAddresses(e.response ?? String(responseCode))}${e.command ? ` to ${redactAddresses(e.command)}` : ''}`
      : `${code ?? 'error'}: ${redactAddresses(e.message ?? String(error))}`;
  const hint = permanent
    ? 'The server refused it for good; check the recipient and MAIL_FROM, a retry will likely be refused again.'
    : 'Check that the server is reachable and accepts mail (SMTP_URL); the job is retried.';
  return new MailSendError(
    `${what} failed at ${target}: ${reason}. ${hint}`,
    { code, responseCode, permanent },
    { cause: sanitisedCause(error) },
  );
}
