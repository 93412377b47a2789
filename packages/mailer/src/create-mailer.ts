import type { MailConfig } from '@campus/config';
import type { Logger } from '@campus/logger';
import type { Mailer } from './mail-message.js';
import { createOutboxMailer } from './outbox-transport.js';
import { createSmtpMailer } from './smtp-transport.js';

export interface CreateMailerOptions {
  config: MailConfig;
  logger: Logger;
  /** The time the outbox stamps its file names with; the system clock unless given. */
  clock?: () => Date;
}

/**
 * The outbox (`.eml` files) when `config.outboxDir` is set, for development;
 * otherwise pooled SMTP through `config.smtpUrl` (always set: production
 * requires it, sandbox mode has the sink's address).
 */
export function createMailer({
  config,
  logger,
  clock = () => new Date(),
}: CreateMailerOptions): Mailer {
  if (config.outboxDir !== undefined && config.outboxDir !== '') {
    return createOutboxMailer({ outboxDir: config.outboxDir, from: config.from, logger, clock });
  }
  return createSmtpMailer({ smtpUrl: config.smtpUrl, from: config.from, logger });
}
