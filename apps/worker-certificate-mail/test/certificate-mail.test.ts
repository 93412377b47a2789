import { describe, expect } from 'vitest';
import { readFixture } from '@campus/testing';
import { prepareZertifikat } from '../src/prepare-zertifikat.js';
import { test } from './world.js';

const fixture = readFixture('campus/campus.zertifikat.ausstellen.json');
const request = (JSON.parse(fixture) as { data: Parameters<typeof prepareZertifikat>[0] }).data;
const MAX = 'max.mustermann@example.com';

describe('worker-certificate-mail', () => {
  test('mails the participant the Zertifikat PDF the builder makes for the request', async ({
    world,
  }) => {
    const { eventKey: id } = await world.deliver('campus', fixture, {
      webhookId: 'msg_zertifikat_1',
    });
    expect((await world.settled(id)).state).toBe('completed');

    const expected = await prepareZertifikat(request, id);
    const mails = await world.mails(MAX);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Ihr Zertifikat: Zertifikatskurs Projektmanagement');
    expect(mail.text).toContain(expected.nummer);
    expect(mail.text).toContain('28.06.2024');
    expect(mail.attachments).toEqual([
      expect.objectContaining({
        filename: `Zertifikat-${expected.nummer}.pdf`,
        contentType: 'application/pdf',
        sha256: expected.sha256,
      }),
    ]);
    const pdf = await world.attachment(mail.id, 0);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const job = await world.queue.getJob(id);
    expect(job?.returnvalue).toMatchObject({
      zertifikatNr: expected.nummer,
      sha256: expected.sha256,
    });
  });

  test('sends one mail when the same request arrives twice and when a done job is retried', async ({
    world,
  }) => {
    const { eventKey: id } = await world.deliver('campus', fixture, {
      webhookId: 'msg_zertifikat_twice',
    });
    await world.deliver('campus', fixture, { webhookId: 'msg_zertifikat_twice' });
    expect((await world.settled(id)).state).toBe('completed');

    const job = await world.queue.getJob(id);
    await job!.retry('completed');
    expect((await world.settled(id)).state).toBe('completed');

    const mails = await world.mails(MAX);
    expect(mails).toHaveLength(1);
  });

  test('retries while the SMTP server turns it away, then mails once', async ({ world }) => {
    await world.smtp.arm('refuse', 2);
    const { eventKey: id } = await world.deliver('campus', fixture, {
      webhookId: 'msg_zertifikat_smtp',
      retries: { attempts: 5, backoffMs: 100 },
    });
    expect((await world.settled(id)).state).toBe('completed');

    expect((await world.smtp.status()).applied.refuse).toBe(2);
    const job = await world.queue.getJob(id);
    expect(job?.attemptsMade).toBeGreaterThan(1);
    const mails = await world.mails(MAX);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments[0]!.sha256).toBe((await prepareZertifikat(request, id)).sha256);
  });

  test('fails an invalid request for good with the reason and sends nothing', async ({ world }) => {
    const broken = JSON.stringify({
      event: 'campus.zertifikat.ausstellen',
      data: { teilnehmer: request.teilnehmer, abschluss_datum: '2024-06-28' },
    });
    const id = await world.queueInvalid('campus', 'campus.zertifikat.ausstellen', broken, {
      webhookId: 'msg_zertifikat_invalid',
      retries: { attempts: 5, backoffMs: 100 },
    });
    expect((await world.settled(id)).state).toBe('failed');

    const job = await world.queue.getJob(id);
    expect(job?.failedReason).toBe(
      "Invalid campus.zertifikat.ausstellen event: /data/produkt_name must have required property 'produkt_name'",
    );
    expect(job?.attemptsMade).toBe(1);
    expect(await world.mails(MAX)).toHaveLength(0);
  });
});
