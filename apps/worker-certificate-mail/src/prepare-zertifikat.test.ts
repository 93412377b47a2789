import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { ZertifikatEntry } from '@campus/certificate-registry';
import { NonRetriableError } from '@campus/errors';
import { prepareZertifikat } from './prepare-zertifikat.js';

const BASE = 'https://campus.example';
const entry: ZertifikatEntry = {
  nummer: 'Z-2024-7K3M9Q',
  teilnehmerName: 'Max Mustermann',
  kurs: 'Zertifikatskurs Projektmanagement',
  abschlussDatum: '2024-06-28',
  ausgestelltAm: '2024-07-01',
};
const named = (teilnehmerName: string): ZertifikatEntry => ({ ...entry, teilnehmerName });

// pdftotext and pdftoppm come with poppler-utils, which .ci/run installs.
const dir = mkdtempSync(join(tmpdir(), 'zertifikat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as pdftotext reads it, spaces evened out. */
function textOf(pdf: Uint8Array): string {
  const file = join(dir, `${createHash('sha256').update(pdf).digest('hex')}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (result.error)
    throw new Error('pdftotext is missing: install poppler-utils', { cause: result.error });
  return result.stdout.replace(/\s+/g, ' ');
}

describe('prepareZertifikat', () => {
  it('gives the same certificate the same bytes and sha256 every time', async () => {
    const first = await prepareZertifikat(entry, BASE);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const again = await prepareZertifikat({ ...entry }, BASE);

    expect(first.filename).toBe('Zertifikat-Z-2024-7K3M9Q.pdf');
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    expect(first.sha256).toBe(createHash('sha256').update(first.pdf).digest('hex'));
    expect(first.pruefUrl).toBe('https://campus.example/zertifikate/Z-2024-7K3M9Q');
  });

  it('gives another number or issue date other bytes', async () => {
    const one = await prepareZertifikat(entry, BASE);
    const other = await prepareZertifikat({ ...entry, nummer: 'Z-2024-AAAAAA' }, BASE);
    const later = await prepareZertifikat({ ...entry, ausgestelltAm: '2024-07-02' }, BASE);
    expect(new Set([one.sha256, other.sha256, later.sha256]).size).toBe(3);
  });

  it('is one A4 landscape page titled with the number and dated by its issue', async () => {
    const { pdf } = await prepareZertifikat(entry, BASE);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
    expect(doc.getTitle()).toBe('Zertifikat Z-2024-7K3M9Q');
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-07-01T00:00:00.000Z');
  });

  it('shows the German certificate text, the number and where to check it', async () => {
    const text = textOf((await prepareZertifikat(entry, BASE)).pdf);
    expect(text).toContain('Zertifikat');
    expect(text).toContain('Hiermit wird bestätigt, dass Max Mustermann den Kurs');
    expect(text).toContain(
      '„Zertifikatskurs Projektmanagement“ am 28.06.2024 erfolgreich abgeschlossen hat.',
    );
    expect(text).toContain('Z-2024-7K3M9Q');
    expect(text).toContain('Ausgestellt am 01.07.2024');
    expect(text).toContain('Echtheit prüfen: https://campus.example/zertifikate/Z-2024-7K3M9Q');
  });

  it.each(['Łukasz Żółć', 'Ayşe Ağaoğlu', 'Nguyễn Thị Minh Khai', 'Őrsi Dvořák-Ångström'])(
    'prints %s exactly as written',
    async (name) => {
      const text = textOf((await prepareZertifikat(named(name), BASE)).pdf);
      expect(text).toContain(`dass ${name} den Kurs`);
    },
  );

  it('prints a course name in any Latin script exactly', async () => {
    const kurs = 'Zarządzanie projektami – Quản lý dự án';
    const text = textOf((await prepareZertifikat({ ...entry, kurs }, BASE)).pdf);
    expect(text).toContain(`„${kurs}“`);
  });

  it('prints a decomposed umlaut as the one letter it is', async () => {
    const text = textOf((await prepareZertifikat(named('Jürgen Mu\u0308ller'), BASE)).pdf);
    expect(text).toContain('dass Jürgen Müller den Kurs');
  });

  it('refuses for good a name the font cannot print, naming the characters', async () => {
    const refused = prepareZertifikat(named('Wei 王'), BASE);
    await expect(refused).rejects.toBeInstanceOf(NonRetriableError);
    await expect(refused).rejects.toMatchObject({
      name: 'ZertifikatTextError',
      message: expect.stringContaining('U+738B'),
    });
  });

  it('embeds only the glyphs it uses, so the PDF stays small', async () => {
    const { pdf } = await prepareZertifikat(named('Nguyễn Thị Minh Khai'), BASE);
    expect(pdf.byteLength).toBeLessThan(80_000);
  });

  it('renders page 1 as a landscape image', async () => {
    const { pdf } = await prepareZertifikat(
      {
        ...named('Maximilian Alexander Größe-Müller-Lüdenscheidt von und zu Oberhausen'),
        kurs: 'Weiterbildung zur geprüften Fachkraft für Qualitätsmanagement und Prozessoptimierung im Gesundheitswesen (IHK)',
      },
      BASE,
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
    expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20));
  });
});
