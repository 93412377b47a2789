import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDate } from '@campus/mailer';
import { layoutText, requirePrintable } from './pdf-text.js';
import { embedZertifikatFonts, type ZertifikatFonts } from './zertifikat-fonts.js';

export interface ZertifikatInhalt {
  teilnehmerName: string;
  produktName: string;
  /** `2024-06-28` */
  abschlussDatum: string;
  nummer: string;
  /** The day the certificate was first issued, `2026-03-20`. */
  ausgestelltAm: string;
  /** The page that confirms it: `https://…/zertifikate/Z-2026-…`. */
  pruefUrl: string;
}

// A4 landscape, in points.
const WIDTH = 841.89;
const HEIGHT = 595.28;
const NAVY = rgb(0.11, 0.23, 0.42);
const GOLD = rgb(0.72, 0.58, 0.25);
const INK = rgb(0.16, 0.16, 0.18);
const MUTED = rgb(0.42, 0.42, 0.45);
const TEXT_WIDTH = WIDTH - 2 * 110;

type Fonts = ZertifikatFonts;

/**
 * The certificate as PDF bytes. Deterministic: the same content gives the
 * same bytes (dates come from the certificate, the embedded font subsets
 * have fixed names), so the sha256 the registry and the mail state is the
 * one of every copy built for this certificate.
 */
export async function buildZertifikatPdf(inhalt: ZertifikatInhalt): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedZertifikatFonts(doc);
  const name = requirePrintable(fonts.name, inhalt.teilnehmerName, 'participant name');
  const kurs = requirePrintable(fonts.kurs, `„${inhalt.produktName}“`, 'course name');
  const datum = formatDate(inhalt.abschlussDatum);

  const page = doc.addPage([WIDTH, HEIGHT]);
  drawFrame(page);
  drawBody(page, fonts, { name, kurs, datum });
  drawFooter(page, fonts, {
    nummer: inhalt.nummer,
    ausgestellt: formatDate(inhalt.ausgestelltAm),
    pruefUrl: inhalt.pruefUrl,
  });

  const issued = new Date(`${inhalt.ausgestelltAm}T00:00:00Z`);
  doc.setTitle(`Zertifikat ${inhalt.nummer}`);
  doc.setSubject(inhalt.produktName);
  doc.setKeywords(['Zertifikat', inhalt.nummer]);
  doc.setAuthor('Campus');
  doc.setCreator('Campus');
  doc.setProducer('campus-events worker-certificate-mail');
  doc.setLanguage('de-DE');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  return doc.save();
}

function drawFrame(page: PDFPage): void {
  page.drawRectangle({
    x: 22,
    y: 22,
    width: WIDTH - 44,
    height: HEIGHT - 44,
    borderColor: NAVY,
    borderWidth: 3,
  });
  page.drawRectangle({
    x: 32,
    y: 32,
    width: WIDTH - 64,
    height: HEIGHT - 64,
    borderColor: GOLD,
    borderWidth: 0.8,
  });
}

function centered(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  y: number,
  color = INK,
) {
  const x = (WIDTH - font.widthOfTextAtSize(text, size)) / 2;
  page.drawText(text, { x, y, size, font, color });
}

function drawBody(
  page: PDFPage,
  fonts: Fonts,
  text: { name: string; kurs: string; datum: string },
): void {
  centered(page, 'C A M P U S', fonts.bold, 13, 505, GOLD);
  centered(page, 'Zertifikat', fonts.title, 56, 435, NAVY);
  page.drawLine({
    start: { x: WIDTH / 2 - 70, y: 420 },
    end: { x: WIDTH / 2 + 70, y: 420 },
    thickness: 1.2,
    color: GOLD,
  });
  centered(page, 'Hiermit wird bestätigt, dass', fonts.regular, 15, 380);

  const name = layoutText(fonts.name, text.name, {
    maxWidth: TEXT_WIDTH,
    maxSize: 34,
    minSize: 16,
    maxLines: 1,
  });
  let y = 335;
  for (const [index, line] of name.lines.entries()) {
    centered(page, line, fonts.name, name.size, y - index * name.size * 1.15, NAVY);
  }
  // A shrunken name keeps the gap a full-size one leaves, so the lines below stay put.
  y -= Math.max(name.lines.length * name.size * 1.15, 34 * 1.15) + 14;
  centered(page, 'den Kurs', fonts.regular, 15, y);
  y -= 38;

  const kurs = layoutText(fonts.kurs, text.kurs, {
    maxWidth: TEXT_WIDTH,
    maxSize: 24,
    minSize: 12,
    maxLines: 2,
  });
  for (const line of kurs.lines) {
    centered(page, line, fonts.kurs, kurs.size, y);
    y -= kurs.size * 1.25;
  }
  y -= 18;
  centered(page, `am ${text.datum} erfolgreich abgeschlossen hat.`, fonts.regular, 15, y);
}

function drawFooter(
  page: PDFPage,
  fonts: Fonts,
  text: { nummer: string; ausgestellt: string; pruefUrl: string },
): void {
  const left = 90;
  page.drawText('Zertifikatsnummer', {
    x: left,
    y: 108,
    size: 9,
    font: fonts.regular,
    color: MUTED,
  });
  page.drawText(text.nummer, { x: left, y: 92, size: 12, font: fonts.bold, color: INK });
  page.drawText(`Echtheit prüfen: ${text.pruefUrl}`, {
    x: left,
    y: 62,
    size: 7.5,
    font: fonts.regular,
    color: MUTED,
  });

  page.drawCircle({ x: WIDTH / 2, y: 100, size: 34, borderColor: GOLD, borderWidth: 1.5 });
  page.drawCircle({ x: WIDTH / 2, y: 100, size: 29, borderColor: GOLD, borderWidth: 0.5 });
  centered(page, 'CAMPUS', fonts.bold, 9, 96, GOLD);

  const right = WIDTH - 90;
  const lineStart = right - 200;
  page.drawLine({
    start: { x: lineStart, y: 110 },
    end: { x: right, y: 110 },
    thickness: 0.8,
    color: MUTED,
  });
  const issuer = 'Campus';
  const issued = `Ausgestellt am ${text.ausgestellt}`;
  const mid = (lineStart + right) / 2;
  page.drawText(issuer, {
    x: mid - fonts.bold.widthOfTextAtSize(issuer, 12) / 2,
    y: 92,
    size: 12,
    font: fonts.bold,
    color: INK,
  });
  page.drawText(issued, {
    x: mid - fonts.regular.widthOfTextAtSize(issued, 9) / 2,
    y: 78,
    size: 9,
    font: fonts.regular,
    color: MUTED,
  });
}
