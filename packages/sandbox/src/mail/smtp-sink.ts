import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '@campus/logger';
import type { MailStore } from './mail-store.js';
import type { SmtpFailSwitch } from './smtp-fail-switch.js';

interface Deps {
  store: MailStore;
  failSwitch: SmtpFailSwitch;
  logger: Logger;
  /** Largest message accepted (default 25 MB). */
  maxBytes?: number;
}

/**
 * An SMTP reply other than 250: smtp-server sends `responseCode` and the message. The fail
 * switch's codes and texts are RFC 5321's (https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3):
 * 421 service not available, closing the channel; 451 local error in processing; 554
 * transaction failed.
 */
function smtpReply(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { name: 'SmtpReply', responseCode });
}

/**
 * An SMTP server that accepts every mail (AUTH optional, any credentials, no
 * TLS) and keeps it, parsed, in the store; unless the fail switch says otherwise.
 */
export function createSmtpSink({
  store,
  failSwitch,
  logger,
  maxBytes = 25 * 1024 * 1024,
}: Deps): SMTPServer {
  const server = new SMTPServer({
    name: 'campus-sandbox',
    banner: 'Campus sandbox SMTP sink',
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: maxBytes,
    closeTimeout: 2000,
    logger: false,
    onConnect(_session, callback) {
      if (failSwitch.take('connect') === 'refuse') {
        logger.info('smtp connection refused (fail switch)');
        callback(smtpReply(421, 'Service not available, try again later'));
        return;
      }
      callback();
    },
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'sandbox' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (stream.sizeExceeded) {
            callback(smtpReply(552, 'Message exceeds fixed maximum message size'));
            return;
          }
          const fault = failSwitch.take('data');
          if (fault === 'temporary') {
            callback(smtpReply(451, 'Local error in processing, try again later'));
            return;
          }
          if (fault === 'permanent') {
            callback(smtpReply(554, 'Transaction failed: message refused'));
            return;
          }
          const accept = () => {
            const envelope = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            };
            const mail = store.add(parsed, envelope);
            logger.info({ mailId: mail.id, attachments: mail.attachments.length }, 'mail received');
            callback();
          };
          if (fault === 'hold') {
            logger.info('smtp answer held (fail switch)');
            failSwitch.hold(session.id, accept);
            return;
          }
          accept();
        })
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'mail could not be parsed');
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
    onClose(session) {
      failSwitch.abandon(session.id);
    },
  });
  failSwitch.attach({
    closeAll() {
      for (const connection of server.connections) connection.close();
    },
    close(sessionId) {
      for (const connection of server.connections) {
        if (connection.id === sessionId) connection.close();
      }
    },
  });
  server.on('error', (error) => logger.error({ err: error }, 'smtp sink error'));
  return server;
}
