import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '@campus/testing';
import { prepareZertifikat } from '../src/prepare-zertifikat.js';
import { startHarness, type Harness } from './harness.js';

const fixture = readFixture('campus/campus.zertifikat.ausstellen.json');
const request = (JSON.parse(fixture) as { data: Parameters<typeof prepareZertifikat>[0] }).data;
const MAX = 'max.mustermann@example.com';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.clearMails();
});
afterAll(async () => {
  await h.close();
});

describe('worker-certificate-mail', () => {
  it('mails the participant the Zertifikat PDF the builder makes for the request', async () => {
    const id = await h.accept(fixture, 'msg_zertifikat_1');
    expect(await h.settled(id)).toBe('completed');

    const expected = await prepareZertifikat(request, id);
    const mails = await h.mailsTo(MAX);
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
    const pdf = await h.attachment(mail.id, 0);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const job = await h.queues.domain['certificate-mail'].getJob(id);
    expect(job?.returnvalue).toMatchObject({
      zertifikatNr: expected.nummer,
      sha256: expected.sha256,
    });
  });

  it('sends one mail when the same request arrives twice and when a done job is retried', async () => {
    const id = await h.accept(fixture, 'msg_zertifikat_twice');
    await h.accept(fixture, 'msg_zertifikat_twice');
    expect(await h.settled(id)).toBe('completed');

    const job = await h.queues.domain['certificate-mail'].getJob(id);
    await job!.retry('completed');
    expect(await h.settled(id)).toBe('completed');

    const mails = await h.mailsTo(MAX);
    expect(mails).toHaveLength(1);
  });

  it('retries while the SMTP server turns it away, then mails once', async () => {
    await h.smtp.arm('refuse', 2);
    const id = await h.add(fixture, 'msg_zertifikat_smtp', 5);
    expect(await h.settled(id)).toBe('completed');

    expect((await h.smtp.status()).applied.refuse).toBe(2);
    const job = await h.queues.domain['certificate-mail'].getJob(id);
    expect(job?.attemptsMade).toBeGreaterThan(1);
    const mails = await h.mailsTo(MAX);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments[0]!.sha256).toBe((await prepareZertifikat(request, id)).sha256);
  });

  it('fails an invalid request for good with the reason and sends nothing', async () => {
    const broken = JSON.stringify({
      event: 'campus.zertifikat.ausstellen',
      data: { teilnehmer: request.teilnehmer, abschluss_datum: '2024-06-28' },
    });
    const id = await h.add(broken, 'msg_zertifikat_invalid', 5);
    expect(await h.settled(id)).toBe('failed');

    const job = await h.queues.domain['certificate-mail'].getJob(id);
    expect(job?.failedReason).toBe(
      "Invalid campus.zertifikat.ausstellen event: /data/produkt_name must have required property 'produkt_name'",
    );
    expect(job?.attemptsMade).toBe(1);
    expect(await h.mailsTo(MAX)).toHaveLength(0);
  });
});
