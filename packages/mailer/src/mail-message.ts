import type { SendMailOptions } from 'nodemailer';
import { randomUUID } from 'node:crypto';
import { deriveMessageId, normaliseMessageId } from './message-id.js';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** One mail, already rendered (see renderMail). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  headers?: Record<string, string>;
  /**
   * Message-ID header, `<id@domain>` (brackets optional). Derive it from the
   * event key (deriveMessageId) so a resend carries the same id; generated when absent.
   */
  messageId?: string;
  /** The template the mail was rendered from; only for the log line. */
  template?: string;
}

export interface SentMail {
  /** The Message-ID header the mail went out with, `<id@domain>`. */
  messageId: string;
}

export interface Mailer {
  /** Sends one mail; rejects with MailSendError (retryable) when it did not go out. */
  send(message: MailMessage): Promise<SentMail>;
  /** Checks that mail can go out (SMTP: connects and greets; outbox: the folder is writable). */
  verify(): Promise<void>;
  /** Closes pooled connections; a mail being sent finishes first. */
  close(): Promise<void>;
}

// Attachments are buffers only: a path or URL in job data must never make us read a file or fetch a URL.
export const CONTENT_ACCESS = { disableFileAccess: true, disableUrlAccess: true } as const;

/** nodemailer's options for a message; the Message-ID is always set, so errors and logs can name it. */
export function toSendMailOptions(
  message: MailMessage,
  from: string,
): SendMailOptions & { messageId: string } {
  const options: SendMailOptions & { messageId: string } = {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId:
      message.messageId === undefined
        ? deriveMessageId(randomUUID(), from)
        : normaliseMessageId(message.messageId),
  };
  if (message.headers !== undefined) options.headers = { ...message.headers };
  if (message.attachments !== undefined) {
    options.attachments = message.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    }));
  }
  return options;
}
