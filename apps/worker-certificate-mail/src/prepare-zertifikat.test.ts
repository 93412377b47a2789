import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { NonRetriableError } from '@campus/errors';
import type { ZertifikatAusstellen } from '@campus/events';
import { prepareZertifikat } from './prepare-zertifikat.js';

const request: ZertifikatAusstellen = {
  teilnehmer: { vorname: 'Max', nachname: 'Mustermann', email: 'max.mustermann@example.com' },
  produkt_name: 'Zertifikatskurs Projektmanagement',
  abschluss_datum: '2024-06-28',
};
const withName = (vorname: string, nachname: string): ZertifikatAusstellen => ({
  ...request,
  teilnehmer: { ...request.teilnehmer, vorname, nachname },
});

const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'zertifikat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prepareZertifikat', () => {
  it('gives the same request the same number, bytes and sha256 every time', async () => {
    const first = await prepareZertifikat(request, 'campus.msg_1');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const again = await prepareZertifikat(request, 'campus.msg_1');

    expect(first.nummer).toMatch(/^Z-2024-[0-9A-F]{8}$/);
    expect(first.filename).toBe(`Zertifikat-${first.nummer}.pdf`);
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    expect(first.sha256).toBe(createHash('sha256').update(first.pdf).digest('hex'));
    expect(again.sha256).toBe(first.sha256);
  });

  it('gives another request another number', async () => {
    const one = await prepareZertifikat(request, 'campus.msg_1');
    const other = await prepareZertifikat(request, 'campus.msg_2');
    expect(other.nummer).not.toBe(one.nummer);
    expect(other.sha256).not.toBe(one.sha256);
  });

  it('is one A4 landscape page titled with the number', async () => {
    const { pdf, nummer } = await prepareZertifikat(request, 'campus.msg_1');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
    expect(doc.getTitle()).toBe(`Zertifikat ${nummer}`);
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-06-28T00:00:00.000Z');
  });

  it('prints a name with letters the fonts lack without their accents', async () => {
    const prepared = await prepareZertifikat(withName('Łukasz', 'Győző'), 'campus.msg_3');
    expect(prepared.simplified).toBe(true);
    expect(prepared.teilnehmerName).toBe('Łukasz Győző');
  });

  it('refuses for good a name the fonts cannot print, naming the characters', async () => {
    const refused = prepareZertifikat(withName('Wei', '王'), 'campus.msg_4');
    await expect(refused).rejects.toBeInstanceOf(NonRetriableError);
    await expect(refused).rejects.toMatchObject({
      name: 'ZertifikatTextError',
      message: expect.stringContaining('U+738B'),
    });
  });

  it.skipIf(!has('pdftotext'))('shows the German certificate text', async () => {
    const { pdf, nummer } = await prepareZertifikat(request, 'campus.msg_1');
    const file = join(dir, 'text.pdf');
    writeFileSync(file, pdf);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    const normalised = text.replace(/\s+/g, ' ');
    expect(normalised).toContain('Zertifikat');
    expect(normalised).toContain('Hiermit wird bestätigt, dass Max Mustermann den Kurs');
    expect(normalised).toContain(
      '„Zertifikatskurs Projektmanagement“ am 28.06.2024 erfolgreich abgeschlossen hat.',
    );
    expect(normalised).toContain(nummer);
    expect(normalised).toContain('Ausgestellt am 28.06.2024');
  });

  it.skipIf(!has('pdftoppm'))('renders page 1 as a landscape image', async () => {
    const { pdf } = await prepareZertifikat(
      {
        ...withName('Maximilian Alexander', 'Größe-Müller-Lüdenscheidt von und zu Oberhausen'),
        produkt_name:
          'Weiterbildung zur geprüften Fachkraft für Qualitätsmanagement und Prozessoptimierung im Gesundheitswesen (IHK)',
      },
      'campus.msg_5',
    );
    const file = join(dir, 'render.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync('pdftoppm', [
      '-r',
      '40',
      '-png',
      '-singlefile',
      file,
      join(dir, 'page'),
    ]);
    expect(result.status).toBe(0);
    const png = readFileSync(join(dir, 'page.png'));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(height);
  });
});
