import type { ComposedMail } from './compose-mail.js';
import type { Mailer, SentMail } from './mail-message.js';
import { deriveMessageId } from './message-id.js';

/**
 * What sendOnce needs of the job it runs in, by shape, so that the mailer does
 * not depend on the worker runtime: its JobContext fits.
 */
export interface MailJob {
  /** The event key (the job id for internal jobs): the Message-ID is derived from it. */
  eventKey: string;
  /** Runs an effect once per job and step, returning the recorded outcome on a retry. */
  once<T>(step: string, effect: () => Promise<T>): Promise<T>;
}

/** The mail services a domain passes its handlers. */
export interface MailSender {
  mailer: Mailer;
  /** MAIL_FROM: its domain is the derived Message-ID's. */
  from: string;
}

/** The recorded outcome of the send step. */
export interface SentOnce extends SentMail {
  /** When the mail went out; a retry reads the first send's time. */
  sentAt: string;
}

export interface SendOnceOptions {
  /**
   * `derived` (the default): the Message-ID comes from the event key and the
   * template, so a resend that slips through (a crash between the send and its
   * record) is the same message to the receiving side. `fresh`: a new one per
   * send, for a mail whose content changes with every attempt (a login code).
   */
  messageId?: 'derived' | 'fresh';
}

/**
 * The idempotent send step of a mail worker: the step `mail` of `job.once`,
 * so a retry after the send returns the recorded outcome instead of sending
 * again. `mail` is composed already, or composed inside the step when it must
 * not outlive a failed send (a login code is made and stored there).
 */
export function sendOnce(
  job: MailJob,
  sender: MailSender,
  mail: ComposedMail | (() => Promise<ComposedMail>),
  options: SendOnceOptions = {},
): Promise<SentOnce> {
  return job.once('mail', async () => {
    const composed = typeof mail === 'function' ? await mail() : mail;
    const messageId =
      options.messageId === 'fresh'
        ? undefined
        : deriveMessageId(`${job.eventKey}/${composed.template}`, sender.from);
    const sent = await sender.mailer.send({
      ...composed,
      ...(messageId === undefined ? {} : { messageId }),
    });
    return { messageId: sent.messageId, sentAt: new Date().toISOString() };
  });
}
