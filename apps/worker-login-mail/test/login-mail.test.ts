import { describe, expect } from 'vitest';
import { verifyMagicCode } from '@campus/magic-code';
import { readFixture } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { codeRequest, test } from './world.js';

/** The code as the mail's reader sees it: the indented line of 8 characters. */
function codeIn(mail: { text?: string }): string {
  const match = /^ {4}([A-Z0-9]{8})$/m.exec(mail.text ?? '');
  if (!match?.[1]) throw new Error(`no code in the mail text:\n${mail.text}`);
  return match[1];
}

/** A code request for `email` delivered as the website posts it; `attempts` with 100 ms between them. */
async function requestCode(
  world: WorkerWorld,
  email: string,
  webhookId: string,
  attempts?: number,
) {
  const retries = attempts === undefined ? undefined : { attempts, backoffMs: 100 };
  return (await world.deliver('campus', codeRequest(email), { webhookId, retries })).eventKey;
}

// Each test uses its own address: the request limit counts per address.
describe('worker-login-mail', () => {
  test('mails a login code that the receiver accepts', async ({ world, store }) => {
    const email = 'max.mustermann@example.com';
    const rawBody = readFixture('campus/form.login.magic_code.request.json');
    expect(JSON.parse(rawBody)).toEqual(JSON.parse(codeRequest(email)));
    const { eventKey: id } = await world.deliver('campus', rawBody, {
      webhookId: 'msg_login_1',
      retries: { attempts: 3, backoffMs: 100 },
    });
    expect((await world.settled(id)).state).toBe('completed');

    const mails = await world.mails(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Ihr Anmeldecode für Campus');
    expect(mails[0]!.text).toContain('Der Code ist 15 Minuten gültig.');
    expect(await verifyMagicCode(store, email, codeIn(mails[0]!))).toBe('valid');
  });

  test('mails a code for each of two crossing requests, and whichever mail is opened, its code verifies', async ({
    world,
    store,
  }) => {
    // Three double clicks; the customer types the first mail's code, the second's, the first's.
    for (const [pair, used] of [0, 1, 0].entries()) {
      const email = `double.click.${pair}@example.com`;
      const ids = await Promise.all(
        ['a', 'b'].map((click) => requestCode(world, email, `msg_login_cross_${pair}_${click}`)),
      );
      for (const id of ids) expect((await world.settled(id)).state).toBe('completed');

      const mails = await world.mails(email);
      expect(mails).toHaveLength(2);
      const codes = mails.map(codeIn);
      expect(codes[0]).not.toBe(codes[1]);
      expect(await verifyMagicCode(store, email, codes[used]!)).toBe('valid');
      // Used once, the address's codes are gone: the other mail's code no longer logs in.
      expect(await verifyMagicCode(store, email, codes[1 - used]!)).toBe('invalid');
    }
  });

  test('mails five codes for six requests in a row and completes the sixth quietly', async ({
    world,
  }) => {
    const email = 'erika.musterfrau@example.com';
    const ids: string[] = [];
    for (let n = 1; n <= 6; n++) {
      const id = await requestCode(world, email, `msg_login_flood_${n}`);
      expect((await world.settled(id)).state).toBe('completed');
      ids.push(id);
    }

    expect(await world.mails(email)).toHaveLength(5);
    const sixth = await world.queue.getJob(ids[5]!);
    expect(sixth?.returnvalue).toEqual({ sent: false, reason: 'rate_limited' });
  });

  test('retries while the SMTP server turns it away, then mails one code that verifies', async ({
    world,
    store,
  }) => {
    const email = 'smtp.retry@example.com';
    await world.smtp.arm('refuse', 2);
    const id = await requestCode(world, email, 'msg_login_smtp', 5);
    expect((await world.settled(id)).state).toBe('completed');

    expect((await world.smtp.status()).applied.refuse).toBe(2);
    expect((await world.queue.getJob(id))?.attemptsMade).toBeGreaterThan(1);
    const mails = await world.mails(email);
    expect(mails).toHaveLength(1);
    expect(await verifyMagicCode(store, email, codeIn(mails[0]!))).toBe('valid');
  });

  test('does not count a retried request against the limit', async ({ world }) => {
    const email = 'retry.limit@example.com';
    for (let n = 1; n <= 4; n++) {
      const id = await requestCode(world, email, `msg_login_limit_${n}`);
      expect((await world.settled(id)).state).toBe('completed');
    }
    await world.smtp.arm('refuse', 2);
    const fifth = await requestCode(world, email, 'msg_login_limit_5', 5);
    expect((await world.settled(fifth)).state).toBe('completed');

    expect(await world.mails(email)).toHaveLength(5);
  });

  test('sends one mail when a done request is retried', async ({ world, store }) => {
    const email = 'done.retry@example.com';
    const id = await requestCode(world, email, 'msg_login_done');
    expect((await world.settled(id)).state).toBe('completed');
    await (await world.queue.getJob(id))!.retry('completed');
    expect((await world.settled(id)).state).toBe('completed');

    const mails = await world.mails(email);
    expect(mails).toHaveLength(1);
    expect(await verifyMagicCode(store, email, codeIn(mails[0]!))).toBe('valid');
  });

  test('fails an invalid request for good with the reason', async ({ world }) => {
    const id = await world.queueInvalid(
      'campus',
      'form.login.magic_code.request',
      codeRequest('not-an-address'),
      { webhookId: 'msg_login_invalid', retries: { attempts: 5, backoffMs: 100 } },
    );
    expect((await world.settled(id)).state).toBe('failed');

    const job = await world.queue.getJob(id);
    expect(job?.failedReason).toBe(
      'Invalid form.login.magic_code.request event: /data/email must match format "email"',
    );
    expect(job?.attemptsMade).toBe(1);
    expect(await world.mails('not-an-address')).toHaveLength(0);
  });
});
