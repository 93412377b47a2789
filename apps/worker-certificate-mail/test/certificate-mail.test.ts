import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { readFixture } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import type { ZertifikatOutcome } from '../src/handlers/campus-zertifikat-ausstellen.js';
import { test, zertifikatRequest } from './world.js';

const fixture = readFixture('campus/campus.zertifikat.ausstellen.json');
const MAX = 'max.mustermann@example.com';
const request = JSON.parse(fixture) as {
  data: { teilnehmer: { vorname: string; nachname: string; email: string } };
};

const dir = mkdtempSync(join(tmpdir(), 'zertifikat-mail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as pdftotext (poppler-utils) reads it. */
function pdfText(pdf: Buffer): string {
  const file = join(dir, `${createHash('sha256').update(pdf).digest('hex')}.pdf`);
  writeFileSync(file, pdf);
  return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(
    /\s+/g,
    ' ',
  );
}

/** What the job for `id` returned, once it completed. */
async function outcomeOf(world: WorkerWorld, id: string): Promise<ZertifikatOutcome> {
  const settled = await world.settled(id);
  if (settled.state !== 'completed')
    throw new Error(`job ${id} ${settled.state}: ${settled.failedReason}`);
  return settled.returnvalue as ZertifikatOutcome;
}

describe('worker-certificate-mail', () => {
  test('mails the participant the PDF with its sha256 and the page that confirms it', async ({
    world,
    registry,
    publicBaseUrl,
  }) => {
    const { eventKey: id } = await world.deliver('campus', fixture, {
      webhookId: 'msg_zertifikat_1',
    });
    const { zertifikatNr, sha256 } = await outcomeOf(world, id);
    expect(zertifikatNr).toMatch(/^Z-2024-[0-9A-HJKMNP-TV-Z]{6}$/);

    const mails = await world.mails(MAX);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Ihr Zertifikat: Zertifikatskurs Projektmanagement');
    expect(mail.text).toContain(zertifikatNr);
    expect(mail.text).toContain('28.06.2024');
    expect(mail.text).toContain(sha256);
    expect(mail.text).toContain(`${publicBaseUrl}/zertifikate/${zertifikatNr}`);
    expect(mail.attachments).toEqual([
      expect.objectContaining({
        filename: `Zertifikat-${zertifikatNr}.pdf`,
        contentType: 'application/pdf',
        sha256,
      }),
    ]);
    const pdf = await world.attachment(mail.id, 0);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(sha256);
    expect(pdfText(pdf)).toContain('Ausgestellt am 20.03.2026');
    expect(await registry.find(zertifikatNr)).toMatchObject({
      teilnehmerName: 'Max Mustermann',
      kurs: 'Zertifikatskurs Projektmanagement',
      abschlussDatum: '2024-06-28',
      ausgestelltAm: '2026-03-20',
      sha256,
    });
  });

  test('gives the same request under new webhook-ids one number and one mail', async ({
    world,
  }) => {
    const first = await world.deliver('campus', fixture, { webhookId: 'msg_zertifikat_a' });
    const mailed = await outcomeOf(world, first.eventKey);
    const again = zertifikatRequest({
      ...request.data.teilnehmer,
      email: 'Max.Mustermann@Example.com',
    });
    const second = await world.deliver('campus', again, { webhookId: 'msg_zertifikat_b' });

    expect(second.eventKey).not.toBe(first.eventKey);
    expect(await outcomeOf(world, second.eventKey)).toEqual({
      zertifikatNr: mailed.zertifikatNr,
      sha256: mailed.sha256,
      alreadyMailed: true,
    });
    expect(await world.mails(MAX)).toHaveLength(1);
  });

  test('sends one mail when three requests for one certificate are worked on at once', async ({
    world,
  }) => {
    const ids = await Promise.all(
      ['msg_zertifikat_x', 'msg_zertifikat_y', 'msg_zertifikat_z'].map(
        async (webhookId) => (await world.deliver('campus', fixture, { webhookId })).eventKey,
      ),
    );
    const outcomes = await Promise.all(ids.map((id) => outcomeOf(world, id)));

    expect(new Set(outcomes.map((o) => o.zertifikatNr)).size).toBe(1);
    expect(await world.mails(MAX)).toHaveLength(1);
  });

  test('issues a new certificate for another completion date or course', async ({ world }) => {
    const ids = [];
    for (const [webhookId, body] of [
      ['msg_zertifikat_1', fixture],
      ['msg_zertifikat_2', zertifikatRequest(request.data.teilnehmer, undefined, '2025-01-31')],
      ['msg_zertifikat_3', zertifikatRequest(request.data.teilnehmer, 'Agiles Arbeiten')],
    ] as const) {
      ids.push((await world.deliver('campus', body, { webhookId })).eventKey);
    }
    const numbers = [];
    for (const id of ids) numbers.push((await outcomeOf(world, id)).zertifikatNr);

    expect(new Set(numbers).size).toBe(3);
    expect(numbers[1]).toMatch(/^Z-2025-/);
    expect(await world.mails(MAX)).toHaveLength(3);
  });

  test('prints Polish and Vietnamese names exactly as written', async ({ world }) => {
    const names = [
      { vorname: 'Łukasz', nachname: 'Żółć', email: 'lukasz@example.com' },
      { vorname: 'Nguyễn Thị', nachname: 'Minh Khai', email: 'minh.khai@example.com' },
    ];
    for (const [n, teilnehmer] of names.entries()) {
      const { eventKey } = await world.deliver('campus', zertifikatRequest(teilnehmer), {
        webhookId: `msg_zertifikat_name_${n}`,
      });
      expect((await world.settled(eventKey)).state).toBe('completed');
      const [mail] = await world.mails(teilnehmer.email);
      expect(mail!.text).toContain(`${teilnehmer.vorname} ${teilnehmer.nachname}`);
      const text = pdfText(await world.attachment(mail!.id, 0));
      expect(text).toContain(`dass ${teilnehmer.vorname} ${teilnehmer.nachname} den Kurs`);
    }
  });

  test('retries while the SMTP server turns it away, then mails once', async ({ world }) => {
    await world.smtp.arm('refuse', 2);
    const { eventKey: id } = await world.deliver('campus', fixture, {
      webhookId: 'msg_zertifikat_smtp',
      retries: { attempts: 5, backoffMs: 100 },
    });
    const { sha256 } = await outcomeOf(world, id);

    expect((await world.smtp.status()).applied.refuse).toBe(2);
    expect((await world.settled(id)).attemptsMade).toBeGreaterThan(1);
    const mails = await world.mails(MAX);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments[0]!.sha256).toBe(sha256);
  });

  test('fails an invalid request for good with the reason and sends nothing', async ({ world }) => {
    const broken = JSON.stringify({
      event: 'campus.zertifikat.ausstellen',
      data: { teilnehmer: request.data.teilnehmer, abschluss_datum: '2024-06-28' },
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
