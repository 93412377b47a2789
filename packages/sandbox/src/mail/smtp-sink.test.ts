import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start.js';
import { fetchJson, startTestSandbox } from '../testing/sandbox-fixture.js';

interface MailJson {
  id: string;
  to: string[];
  from: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; size: number; sha256: string }[];
}

describe('SMTP sink', () => {
  let sandbox: RunningSandbox;
  const pdf = Buffer.from('%PDF-1.4\n% Rechnung RE-2025-001\n%%EOF\n');

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.sandbox.reset());

  const send = (auth?: { user: string; pass: string }) =>
    nodemailer
      .createTransport({
        host: '127.0.0.1',
        port: sandbox.smtpPort,
        secure: false,
        ...(auth ? { auth } : {}),
      })
      .sendMail({
        from: 'Campus <no-reply@campus.example>',
        to: 'erika@example.com',
        subject: 'Ihre Rechnung <RE-2025-001>',
        text: 'Guten Tag,\nanbei Ihre Rechnung.',
        html: '<p>Guten Tag,</p><script>alert(1)</script><p>anbei Ihre Rechnung.</p>',
        attachments: [
          { filename: 'RE-2025-001.pdf', content: pdf, contentType: 'application/pdf' },
        ],
      });

  it('keeps a sent mail with its parts and the attachment checksum', async () => {
    await send();
    const mails = await fetchJson<MailJson[]>(`${sandbox.url}/_control/mail`);
    expect(mails.body).toHaveLength(1);
    expect(mails.body[0]).toMatchObject({
      to: ['erika@example.com'],
      from: ['no-reply@campus.example'],
      subject: 'Ihre Rechnung <RE-2025-001>',
      text: 'Guten Tag,\nanbei Ihre Rechnung.',
      html: expect.stringContaining('<p>Guten Tag,</p>'),
      attachments: [
        {
          filename: 'RE-2025-001.pdf',
          contentType: 'application/pdf',
          size: pdf.length,
          sha256: createHash('sha256').update(pdf).digest('hex'),
        },
      ],
    });
    expect(
      (await fetchJson<MailJson[]>(`${sandbox.url}/_control/mail?to=ERIKA@example.com`)).body,
    ).toHaveLength(1);
    expect(
      (await fetchJson<MailJson[]>(`${sandbox.url}/_control/mail?to=max@example.com`)).body,
    ).toHaveLength(0);
  });

  it('accepts any SMTP credentials', async () => {
    await send({ user: 'wer-auch-immer', pass: 'egal' });
    expect(sandbox.sandbox.state.mail.list()).toHaveLength(1);
  });

  it('lists mails on the Posteingang page and shows one with its HTML sandboxed and escaped', async () => {
    await send();
    const inbox = await (await fetch(`${sandbox.url}/mail`)).text();
    expect(inbox).toContain('Posteingang');
    expect(inbox).toContain('Ihre Rechnung &lt;RE-2025-001&gt;');
    expect(inbox).toContain('RE-2025-001.pdf');

    const id = sandbox.sandbox.state.mail.list()[0]!.id;
    const detail = await fetch(`${sandbox.url}/mail/${id}`);
    const html = await detail.text();
    expect(detail.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('<iframe sandbox=""');
    expect(html).not.toContain('<script>');

    const attachment = await fetch(`${sandbox.url}/mail/${id}/attachments/0`);
    expect(Buffer.from(await attachment.arrayBuffer())).toEqual(pdf);
    expect((await fetch(`${sandbox.url}/mail/999`)).status).toBe(404);
  });
});
