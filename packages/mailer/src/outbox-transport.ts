import { constants } from 'node:fs';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@campus/logger';
import { createTransport } from 'nodemailer';
import { MailSendError } from './errors.js';
import {
  CONTENT_ACCESS,
  toSendMailOptions,
  type Mailer,
  type MailMessage,
} from './mail-message.js';

export interface OutboxMailerOptions {
  outboxDir: string;
  from: string;
  logger: Logger;
  clock: () => Date;
}

/**
 * Development stand-in for SMTP: each mail is written as an `.eml` file
 * (`2024-05-15T10-00-00-000Z_<message-id>.eml`) into `outboxDir`, where any
 * mail client opens it. Written under a temporary name and renamed, so a
 * reader of the folder never sees half a file.
 */
export function createOutboxMailer({
  outboxDir,
  from,
  logger,
  clock,
}: OutboxMailerOptions): Mailer {
  const log = logger.child({ component: 'mailer', transport: 'outbox' });
  const transporter = createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...CONTENT_ACCESS,
  });
  let ready: Promise<void> | undefined;
  const ensureDir = () => (ready ??= mkdir(outboxDir, { recursive: true }).then(() => undefined));

  return {
    async send(message: MailMessage) {
      const options = toSendMailOptions(message, from);
      const info = await transporter.sendMail(options);
      if (!Buffer.isBuffer(info.message)) {
        throw new Error('nodemailer streamTransport returned a stream despite buffer: true');
      }
      const file = join(outboxDir, `${fileStamp(clock())}_${fileSafe(info.messageId)}.eml`);
      try {
        await ensureDir();
        await writeFile(`${file}.tmp`, info.message);
        await rename(`${file}.tmp`, file);
      } catch (error) {
        ready = undefined;
        throw outboxError(error, outboxDir, info.messageId);
      }
      log.info({ messageId: info.messageId, template: message.template, file }, 'mail written');
      return { messageId: info.messageId };
    },
    async verify() {
      try {
        await ensureDir();
        await access(outboxDir, constants.W_OK);
      } catch (error) {
        ready = undefined;
        throw outboxError(error, outboxDir, undefined);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function fileSafe(messageId: string): string {
  return messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_');
}

function outboxError(error: unknown, dir: string, messageId: string | undefined): MailSendError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const what = messageId === undefined ? 'The mail outbox' : `Mail ${messageId}`;
  return new MailSendError(
    `${what} could not be written to ${dir} (${code ?? String(error)}); check that MAIL_OUTBOX_DIR is a writable folder`,
    { code, responseCode: undefined, permanent: false },
    { cause: error },
  );
}
