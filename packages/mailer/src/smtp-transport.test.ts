import { createLogger } from '@campus/logger';
import { freePort } from '@campus/testing';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from './create-mailer.js';
import { MailSendError } from './errors.js';
import type { Mailer, MailMessage } from './mail-message.js';
import { deriveMessageId } from './message-id.js';
import { renderMail } from './render-mail.js';

const FROM = 'Campus <noreply@campus.example.com>';
const RECIPIENT = 'erika.muster@example.com';

interface Received {
  rcptTo: string[];
  mail: ParsedMail;
}

interface Sink {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

/** A real SMTP server on a free port: plain TCP, no AUTH, no STARTTLS. */
async function startSink(handlers: Partial<SMTPServerOptions> = {}): Promise<Sink> {
  const port = await freePort();
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
    ...handlers,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

const logLines: string[] = [];
const logger = createLogger(
  { name: 'mailer-test', level: 'info' },
  { write: (line: string) => void logLines.push(line) },
);

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.();
  logLines.length = 0;
});

function mailerFor(port: number): Mailer {
  const mailer = createMailer({
    config: { smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, outboxDir: undefined },
    logger,
  });
  cleanup.push(() => mailer.close());
  return mailer;
}

async function sink(handlers?: Partial<SMTPServerOptions>): Promise<Sink> {
  const s = await startSink(handlers);
  cleanup.push(() => s.close());
  return s;
}

function certificateMail(): MailMessage {
  const rendered = renderMail('zertifikat', {
    teilnehmer_name: 'Erika Muster',
    produkt_name: 'Datenschutz kompakt',
    zertifikat_nr: 'Z-2024-000123',
    abschluss_datum: '2024-06-03',
    sha256: 'c'.repeat(64),
    pruef_url: 'https://campus.example/zertifikate/Z-2024-000123',
  });
  return {
    to: RECIPIENT,
    ...rendered,
    attachments: [
      {
        filename: 'zertifikat-Z-2024-000123.pdf',
        content: Buffer.from('%PDF-1.7\n\u00e4\u00f6\u00fc\x00\xff binary tail', 'latin1'),
        contentType: 'application/pdf',
      },
    ],
    headers: { 'X-Campus-Event-Key': 'campus:wh_123' },
    messageId: deriveMessageId('campus:wh_123/zertifikat', FROM),
    template: 'zertifikat',
  };
}

describe('SMTP transport', () => {
  it('delivers the mail with its German text, HTML and the attachment bytes', async () => {
    const server = await sink();
    const message = certificateMail();
    const sent = await mailerFor(server.port).send(message);

    expect(sent.messageId).toBe(message.messageId);
    expect(server.received).toHaveLength(1);
    const [{ rcptTo, mail }] = server.received as [Received];
    expect(rcptTo).toEqual([RECIPIENT]);
    expect((mail.to as AddressObject).value[0]?.address).toBe(RECIPIENT);
    expect(mail.from?.value[0]?.address).toBe('noreply@campus.example.com');
    expect(mail.subject).toBe('Ihr Zertifikat: Datenschutz kompakt');
    expect(mail.messageId).toBe(message.messageId);
    expect(mail.headers.get('x-campus-event-key')).toBe('campus:wh_123');
    expect(mail.text).toContain('herzlichen Glückwunsch! Sie haben „Datenschutz kompakt“');
    expect(mail.text).toContain('Mit freundlichen Grüßen\nIhr Campus-Team');
    expect(mail.html).toContain('Zertifikatsnummer');
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment?.filename).toBe('zertifikat-Z-2024-000123.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    expect(attachment?.content.equals(message.attachments?.[0]?.content ?? Buffer.alloc(0))).toBe(
      true,
    );
  });

  it('logs the message id and template, never the address', async () => {
    const server = await sink();
    const message = certificateMail();
    await mailerFor(server.port).send(message);

    const log = logLines.join('');
    expect(log).toContain(message.messageId ?? 'missing');
    expect(log).toContain('"template":"zertifikat"');
    expect(log).not.toContain(RECIPIENT);
    expect(log).not.toContain('Erika');
  });

  it('sends the same Message-ID again on a resend, so the two are recognisably one mail', async () => {
    const server = await sink();
    const mailer = mailerFor(server.port);
    await mailer.send(certificateMail());
    await mailer.send(certificateMail());
    const ids = server.received.map((r) => r.mail.messageId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('rejects when the server refuses the recipient, marked permanent, without the address', async () => {
    const server = await sink({
      onRcptTo: (address, _session, callback) =>
        callback(smtpError(`Mailbox ${address.address} unavailable`, 550)),
    });
    const error = await mailerFor(server.port)
      .send(certificateMail())
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MailSendError);
    const sendError = error as MailSendError;
    expect(sendError.details).toMatchObject({ responseCode: 550, permanent: true });
    expect(sendError.message).toContain('smtp://127.0.0.1:');
    expect(sendError.cause).toBeInstanceOf(Error);
    expect(server.received).toHaveLength(0);
    // The worker logs the error with pino, which prints the causes too.
    logger.error({ err: sendError }, 'send failed');
    expect(logLines.join('')).toContain('550 Mailbox [address] unavailable');
    expect(logLines.join('')).not.toContain(RECIPIENT);
  });

  it('rejects, to be retried, when the server fails the message temporarily', async () => {
    const server = await sink({
      onData(stream, _session, callback) {
        stream.on('end', () => callback(smtpError('Try again later', 451)));
        stream.resume();
      },
    });
    const error = await mailerFor(server.port)
      .send(certificateMail())
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MailSendError);
    expect((error as MailSendError).details).toMatchObject({ responseCode: 451, permanent: false });
    expect((error as MailSendError).message).toMatch(/451.*the job is retried/);
  });

  it('rejects when no server listens', async () => {
    const port = await freePort();
    const mailer = mailerFor(port);
    const error = await mailer.send(certificateMail()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MailSendError);
    expect((error as MailSendError).details.permanent).toBe(false);
    expect((error as MailSendError).message).toContain(`smtp://127.0.0.1:${port}`);
    await expect(mailer.verify()).rejects.toThrow(MailSendError);
  });

  it('verifies a reachable server', async () => {
    const server = await sink();
    await expect(mailerFor(server.port).verify()).resolves.toBeUndefined();
  });

  it('keeps the credentials of the SMTP URL out of its errors', async () => {
    const port = await freePort();
    const mailer = createMailer({
      config: { smtpUrl: `smtp://user:s3cret@127.0.0.1:${port}`, from: FROM, outboxDir: undefined },
      logger,
    });
    cleanup.push(() => mailer.close());
    const error = await mailer.send(certificateMail()).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain('s3cret');
  });
});
