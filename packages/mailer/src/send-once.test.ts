import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@campus/logger';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeMail } from './compose-mail.js';
import { createMailer } from './create-mailer.js';
import type { Mailer } from './mail-message.js';
import { deriveMessageId } from './message-id.js';
import { sendOnce, type MailJob } from './send-once.js';

const FROM = 'Campus <no-reply@campus.example>';
const logger = createLogger({ name: 'send-once-test', level: 'silent' });
const mahnung = { rechnung_nr: 'RE-2024-000042', betrag: 119, faellig_am: '2024-06-01' };

let outbox: string;
let mailer: Mailer;
beforeEach(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'send-once-'));
  mailer = createMailer({
    config: { smtpUrl: 'smtp://127.0.0.1:1', from: FROM, outboxDir: outbox },
    logger,
  });
});
afterEach(async () => {
  await mailer.close();
  await rm(outbox, { recursive: true, force: true });
});

/**
 * A job as the worker runtime's ctx gives it, with its step record in memory
 * (the runtime keeps it in Redis): a step that succeeded returns its outcome again.
 */
function jobOf(eventKey: string): MailJob & { steps: string[] } {
  const recorded = new Map<string, unknown>();
  const steps: string[] = [];
  return {
    eventKey,
    steps,
    async once<T>(step: string, effect: () => Promise<T>): Promise<T> {
      steps.push(step);
      if (recorded.has(step)) return recorded.get(step) as T;
      const value = await effect();
      recorded.set(step, value);
      return value;
    },
  };
}

async function writtenMails() {
  const files = (await readdir(outbox)).filter((name) => name.endsWith('.eml'));
  return Promise.all(files.map(async (name) => simpleParser(await readFile(join(outbox, name)))));
}

describe('sendOnce', () => {
  it('sends in the step "mail" with a Message-ID derived from the event key and template, once', async () => {
    const job = jobOf('fakturia.abc123');
    const mail = composeMail('mahnung_1', { to: 'kunde@example.com', vars: mahnung });

    const first = await sendOnce(job, { mailer, from: FROM }, mail);
    const again = await sendOnce(job, { mailer, from: FROM }, mail);

    const messageId = deriveMessageId('fakturia.abc123/mahnung_1', FROM);
    expect(first.messageId).toBe(messageId);
    expect(again).toEqual(first);
    expect(job.steps).toEqual(['mail', 'mail']);
    const mails = await writtenMails();
    expect(mails.map((m) => [m.messageId, m.subject])).toEqual([[messageId, mail.subject]]);
  });

  it('sends the attachments along', async () => {
    const content = Buffer.from('%PDF-1.7 certificate');
    const mail = composeMail('zertifikat', {
      to: 'max@example.com',
      vars: {
        teilnehmer_name: 'Max Mustermann',
        produkt_name: 'Zertifikatskurs Projektmanagement',
        zertifikat_nr: 'ZK-2024-0001',
        abschluss_datum: '2024-06-28',
        sha256: 'c'.repeat(64),
        pruef_url: 'https://campus.example/zertifikate/ZK-2024-0001',
      },
      attachments: [{ filename: 'Zertifikat.pdf', content, contentType: 'application/pdf' }],
    });

    await sendOnce(jobOf('campus.msg_1'), { mailer, from: FROM }, mail);

    const [sent] = await writtenMails();
    expect(sent?.attachments.map((a) => [a.filename, a.contentType, a.content])).toEqual([
      ['Zertifikat.pdf', 'application/pdf', content],
    ]);
  });

  it('with a fresh Message-ID composes inside the step, so a recorded send composes nothing again', async () => {
    const job = jobOf('campus.msg_login');
    let composed = 0;
    const compose = async () => {
      composed++;
      return composeMail('magic_code', { to: 'max@example.com', vars: { code: 'AB12CD34' } });
    };

    const first = await sendOnce(job, { mailer, from: FROM }, compose, { messageId: 'fresh' });
    const again = await sendOnce(job, { mailer, from: FROM }, compose, { messageId: 'fresh' });

    expect(again).toEqual(first);
    expect(composed).toBe(1);
    expect(first.messageId).not.toBe(deriveMessageId('campus.msg_login/magic_code', FROM));
    expect(await writtenMails()).toHaveLength(1);
  });
});
