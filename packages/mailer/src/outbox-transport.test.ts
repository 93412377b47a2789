import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@campus/logger';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer } from './create-mailer.js';
import { MailSendError } from './errors.js';
import { deriveMessageId } from './message-id.js';
import { renderMail } from './render-mail.js';

const FROM = 'Campus <noreply@campus.example.com>';
const logger = createLogger({ name: 'mailer-test', level: 'silent' });
const clock = () => new Date('2024-05-15T10:00:00.123Z');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mailer-outbox-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function outboxMailer(outboxDir: string) {
  return createMailer({
    config: { smtpUrl: 'smtp://127.0.0.1:1', from: FROM, outboxDir },
    logger,
    clock,
  });
}

describe('outbox transport', () => {
  it('writes the mail as a parseable .eml named by time and message id, instead of sending', async () => {
    const outbox = join(root, 'outbox');
    const mailer = outboxMailer(outbox);
    const messageId = deriveMessageId('fakturia:DUNNING_CREATED:abc/mahnung_1', FROM);
    const rendered = renderMail('mahnung_1', {
      rechnung_nr: 'R-2024-0042',
      betrag: 1234.5,
      faellig_am: '2024-05-15',
    });
    const sent = await mailer.send({
      to: 'kunde@example.com',
      ...rendered,
      messageId,
      attachments: [
        {
          filename: 'rechnung.pdf',
          content: Buffer.from('%PDF-1.7 x'),
          contentType: 'application/pdf',
        },
      ],
    });
    await mailer.close();

    expect(sent.messageId).toBe(messageId);
    const files = await readdir(outbox);
    expect(files).toEqual([`2024-05-15T10-00-00-123Z_${messageId.slice(1, -1)}.eml`]);
    const raw = await readFile(join(outbox, files[0] ?? ''));
    expect(raw.includes('\r\n')).toBe(true);
    const mail = await simpleParser(raw);
    expect(mail.messageId).toBe(messageId);
    expect((mail.to as AddressObject).value[0]?.address).toBe('kunde@example.com');
    expect(mail.subject).toBe('Zahlungserinnerung zur Rechnung R-2024-0042');
    expect(mail.text).toContain('Offener Betrag:  1.234,50 €');
    expect(mail.html).toContain('Ihr Campus-Team');
    expect(mail.attachments[0]?.content.toString()).toBe('%PDF-1.7 x');
  });

  it('gives every mail its own file, with a generated id when none is given', async () => {
    const mailer = outboxMailer(root);
    const message = { to: 'a@example.com', subject: 'Test', text: 'Hallo', html: '<p>Hallo</p>' };
    const first = await mailer.send(message);
    const second = await mailer.send(message);
    expect(first.messageId).toMatch(/^<[0-9a-f]{32}@campus\.example\.com>$/);
    expect(second.messageId).not.toBe(first.messageId);
    expect(await readdir(root)).toHaveLength(2);
  });

  it('verifies a writable folder, creating it', async () => {
    await expect(outboxMailer(join(root, 'a', 'b')).verify()).resolves.toBeUndefined();
    expect(await readdir(join(root, 'a'))).toEqual(['b']);
  });

  it('rejects, to be retried, when the folder cannot be written', async () => {
    const blocked = join(root, 'file-not-folder');
    await writeFile(blocked, 'x');
    const mailer = outboxMailer(blocked);
    const send = mailer.send({ to: 'a@example.com', subject: 'Test', text: 'x', html: 'x' });
    await expect(send).rejects.toThrow(MailSendError);
    await expect(send).rejects.toThrow(/check that MAIL_OUTBOX_DIR is a writable folder/);
    await expect(mailer.verify()).rejects.toThrow(MailSendError);
  });
});
