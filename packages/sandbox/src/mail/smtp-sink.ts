import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '@campus/logger';
import type { MailStore } from './mail-store.js';

interface Deps {
  store: MailStore;
  logger: Logger;
  /** Largest message accepted (default 25 MB). */
  maxBytes?: number;
}

/**
 * An SMTP server that accepts every mail (AUTH optional, any credentials, no
 * TLS) and keeps it, parsed, in the store.
 */
export function createSmtpSink({ store, logger, maxBytes = 25 * 1024 * 1024 }: Deps): SMTPServer {
  const server = new SMTPServer({
    name: 'campus-sandbox',
    banner: 'Campus sandbox SMTP sink',
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: maxBytes,
    closeTimeout: 2000,
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'sandbox' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (stream.sizeExceeded) {
            callback(
              Object.assign(new Error('Message exceeds fixed maximum message size'), {
                responseCode: 552,
              }),
            );
            return;
          }
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          const mail = store.add(parsed, envelope);
          logger.info({ mailId: mail.id, attachments: mail.attachments.length }, 'mail received');
          callback();
        })
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'mail could not be parsed');
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
  });
  server.on('error', (error) => logger.error({ err: error }, 'smtp sink error'));
  return server;
}
