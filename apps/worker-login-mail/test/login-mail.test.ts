import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyMagicCode } from '@campus/magic-code';
import { readFixture } from '@campus/testing';
import { codeRequest, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** The code as the mail's reader sees it: the indented line of 8 characters. */
function codeIn(mail: { text?: string }): string {
  const match = /^ {4}([A-Z0-9]{8})$/m.exec(mail.text ?? '');
  if (!match?.[1]) throw new Error(`no code in the mail text:\n${mail.text}`);
  return match[1];
}

// Each test uses its own address: the request limit counts per address.
describe('worker-login-mail', () => {
  it('mails a login code that the receiver accepts', async () => {
    const email = 'max.mustermann@example.com';
    const rawBody = readFixture('campus/form.login.magic_code.request.json');
    expect(JSON.parse(rawBody)).toEqual(JSON.parse(codeRequest(email)));
    const id = await h.add(rawBody, 'msg_login_1');
    expect(await h.settled(id)).toBe('completed');

    const mails = await h.mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Ihr Anmeldecode für Campus');
    expect(mails[0]!.text).toContain('Der Code ist 15 Minuten gültig.');
    expect(await verifyMagicCode(h.store, email, codeIn(mails[0]!))).toBe('valid');
  });

  it('mails five codes for six requests in a row and completes the sixth quietly', async () => {
    const email = 'erika.musterfrau@example.com';
    const ids: string[] = [];
    for (let n = 1; n <= 6; n++) {
      const id = await h.accept(email, `msg_login_flood_${n}`);
      expect(await h.settled(id)).toBe('completed');
      ids.push(id);
    }

    expect(await h.mailsTo(email)).toHaveLength(5);
    const sixth = await h.queues.domain['login-mail'].getJob(ids[5]!);
    expect(sixth?.returnvalue).toEqual({ sent: false, reason: 'rate_limited' });
  });

  it('retries while the SMTP server turns it away, then mails one code that verifies', async () => {
    const email = 'smtp.retry@example.com';
    await h.smtp.arm('refuse', 2);
    const id = await h.add(codeRequest(email), 'msg_login_smtp', 5);
    expect(await h.settled(id)).toBe('completed');

    expect((await h.smtp.status()).applied.refuse).toBe(2);
    expect((await h.queues.domain['login-mail'].getJob(id))?.attemptsMade).toBeGreaterThan(1);
    const mails = await h.mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(await verifyMagicCode(h.store, email, codeIn(mails[0]!))).toBe('valid');
  });

  it('does not count a retried request against the limit', async () => {
    const email = 'retry.limit@example.com';
    for (let n = 1; n <= 4; n++) {
      expect(await h.settled(await h.accept(email, `msg_login_limit_${n}`))).toBe('completed');
    }
    await h.smtp.arm('refuse', 2);
    const fifth = await h.add(codeRequest(email), 'msg_login_limit_5', 5);
    expect(await h.settled(fifth)).toBe('completed');

    expect(await h.mailsTo(email)).toHaveLength(5);
  });

  it('sends one mail when a done request is retried', async () => {
    const email = 'done.retry@example.com';
    const id = await h.accept(email, 'msg_login_done');
    expect(await h.settled(id)).toBe('completed');
    await (await h.queues.domain['login-mail'].getJob(id))!.retry('completed');
    expect(await h.settled(id)).toBe('completed');

    const mails = await h.mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(await verifyMagicCode(h.store, email, codeIn(mails[0]!))).toBe('valid');
  });

  it('fails an invalid request for good with the reason', async () => {
    const id = await h.add(codeRequest('not-an-address'), 'msg_login_invalid', 5);
    expect(await h.settled(id)).toBe('failed');

    const job = await h.queues.domain['login-mail'].getJob(id);
    expect(job?.failedReason).toBe(
      'Invalid form.login.magic_code.request event: /data/email must match format "email"',
    );
    expect(job?.attemptsMade).toBe(1);
    expect(await h.mailsTo('not-an-address')).toHaveLength(0);
  });
});
