import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../start.js';
import { fetchJson, startTestSandbox } from '../testing/sandbox-fixture.js';
import { mailFailSwitch, type MailFailSwitchClient } from './mail-fail-client.js';

const POLL = { timeout: 10_000 };

interface MailJson {
  subject: string;
}

describe('the SMTP sink’s fail switch', () => {
  let sandbox: RunningSandbox;
  let failSwitch: MailFailSwitchClient;
  let count = 0;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    failSwitch = mailFailSwitch(sandbox.url);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.sandbox.reset());

  /** A client as the mailer is one: nodemailer, pooled when asked. */
  const client = (pool = false) =>
    nodemailer.createTransport({ host: '127.0.0.1', port: sandbox.smtpPort, secure: false, pool });
  const send = (transport = client()) =>
    transport.sendMail({
      from: 'Campus <no-reply@campus.example>',
      to: 'erika@example.com',
      subject: `Zahlungserinnerung ${++count}`,
      text: 'Guten Tag,\nbitte begleichen Sie die Rechnung.',
    });
  const heldCount = async () => (await failSwitch.status()).held;
  const kept = async () =>
    (await fetchJson<MailJson[]>(`${sandbox.url}/_control/mail`)).body.map((m) => m.subject);

  it('refuses the next N connections with 421, then accepts again', async () => {
    expect(await failSwitch.arm('refuse', 2)).toMatchObject({ mode: 'refuse', remaining: 2 });
    await expect(send()).rejects.toMatchObject({ responseCode: 421 });
    await expect(send()).rejects.toMatchObject({ responseCode: 421 });
    await send();

    expect(await kept()).toEqual([`Zahlungserinnerung ${count}`]);
    expect(await failSwitch.status()).toMatchObject({
      mode: null,
      remaining: null,
      applied: { refuse: 2, temporary: 0, permanent: 0, hold: 0 },
    });
  });

  it('closes open connections when armed to refuse, as a restarting server does', async () => {
    const pooled = client(true);
    try {
      await send(pooled);
      await failSwitch.arm('refuse', 1);
      // The pooled connection would carry this mail, were it still open.
      await expect(send(pooled)).rejects.toMatchObject({ responseCode: 421 });
      await send(pooled);
      expect(await kept()).toHaveLength(2);
      expect((await failSwitch.status()).applied.refuse).toBe(1);
    } finally {
      pooled.close();
    }
  });

  it('answers 451 until cleared and keeps none of those mails', async () => {
    expect(await failSwitch.arm('temporary')).toMatchObject({ mode: 'temporary', remaining: null });
    for (let n = 0; n < 3; n++) {
      await expect(send()).rejects.toMatchObject({ responseCode: 451 });
    }
    expect(await kept()).toEqual([]);

    expect(await failSwitch.clear()).toMatchObject({ mode: null, applied: { temporary: 3 } });
    await send();
    expect(await kept()).toEqual([`Zahlungserinnerung ${count}`]);
  });

  it('answers 554 to a message refused for good, and only to the next one', async () => {
    await failSwitch.arm('permanent', 1);
    await expect(send()).rejects.toMatchObject({ responseCode: 554 });
    await send();
    expect(await kept()).toEqual([`Zahlungserinnerung ${count}`]);
    expect((await failSwitch.status()).applied).toMatchObject({ permanent: 1 });
  });

  it('holds the answer to a message until cleared, then answers 250 and keeps it', async () => {
    await failSwitch.arm('hold', 1);
    const sending = send();
    await expect.poll(heldCount, POLL).toBe(1);
    expect(await kept()).toEqual([]);

    expect(await failSwitch.clear()).toMatchObject({ held: 0, applied: { hold: 1 } });
    expect((await sending).response).toMatch(/^250 /);
    expect(await kept()).toEqual([`Zahlungserinnerung ${count}`]);
  });

  it('keeps nothing of a held message whose client hung up', async () => {
    await failSwitch.arm('hold', 1);
    const socket = await sendByHand(sandbox.smtpPort);
    await expect.poll(heldCount, POLL).toBe(1);

    socket.destroy();
    await expect.poll(heldCount, POLL).toBe(0);
    await failSwitch.clear();
    expect(await kept()).toEqual([]);
  });

  it('drops held messages and forgets the counts on reset', async () => {
    await failSwitch.arm('hold');
    const sending = send().catch((error: unknown) => error);
    await expect.poll(heldCount, POLL).toBe(1);

    expect((await fetchJson(`${sandbox.url}/_control/reset`, { method: 'POST' })).status).toBe(200);
    expect(await sending).toBeInstanceOf(Error);
    expect(await failSwitch.status()).toEqual({
      mode: null,
      remaining: null,
      held: 0,
      applied: { refuse: 0, temporary: 0, permanent: 0, hold: 0 },
    });
    expect(await kept()).toEqual([]);
  });

  it('refuses an unknown mode or a bad count', async () => {
    const arm = (body: unknown) => fetchJson(`${sandbox.url}/_control/mail/fail`, { body });
    expect((await arm({ mode: 'explode' })).status).toBe(400);
    expect((await arm({ mode: 'refuse', count: -1 })).status).toBe(400);
    expect((await arm({ mode: 'refuse', count: 1.5 })).status).toBe(400);
    expect((await failSwitch.status()).mode).toBeNull();
  });
});

/** Speaks SMTP by hand up to the end of DATA and leaves the socket open, without waiting for the answer. */
async function sendByHand(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let received = '';
  socket.on('data', (chunk: string) => (received += chunk));
  const reply = async (code: string) => {
    while (!new RegExp(`^${code} `, 'm').test(received)) await once(socket, 'data');
    received = '';
  };
  await reply('220');
  for (const [command, code] of [
    ['EHLO test.example', '250'],
    ['MAIL FROM:<no-reply@campus.example>', '250'],
    ['RCPT TO:<erika@example.com>', '250'],
    ['DATA', '354'],
  ] as const) {
    socket.write(`${command}\r\n`);
    await reply(code);
  }
  socket.write('Subject: Zahlungserinnerung\r\n\r\nGuten Tag.\r\n.\r\n');
  return socket;
}
