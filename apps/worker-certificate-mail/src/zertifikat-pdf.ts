import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDate } from '@campus/mailer';
import { layoutText, toPrintable } from './pdf-text.js';

export interface ZertifikatInhalt {
  teilnehmerName: string;
  produktName: string;
  /** `2024-06-28` */
  abschlussDatum: string;
  nummer: string;
}

export interface ZertifikatPdf {
  bytes: Uint8Array;
  /** True when a name or course lost an accent the fonts lack (see toPrintable). */
  simplified: boolean;
}

// A4 landscape, in points.
const WIDTH = 841.89;
const HEIGHT = 595.28;
const NAVY = rgb(0.11, 0.23, 0.42);
const GOLD = rgb(0.72, 0.58, 0.25);
const INK = rgb(0.16, 0.16, 0.18);
const MUTED = rgb(0.42, 0.42, 0.45);
const TEXT_WIDTH = WIDTH - 2 * 110;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  title: PDFFont;
  name: PDFFont;
}

/**
 * The certificate as PDF bytes. Deterministic: the same content gives the
 * same bytes (dates come from the completion date, pdf-lib writes no random
 * ids for standard fonts), so the attachment's sha256 is stable across retries.
 */
export async function buildZertifikatPdf(inhalt: ZertifikatInhalt): Promise<ZertifikatPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    title: await doc.embedFont(StandardFonts.TimesRomanBold),
    name: await doc.embedFont(StandardFonts.TimesRomanBoldItalic),
  };
  const name = toPrintable(fonts.name, inhalt.teilnehmerName, 'participant name');
  const kurs = toPrintable(fonts.title, `„${inhalt.produktName}“`, 'course name');
  const datum = formatDate(inhalt.abschlussDatum);

  const page = doc.addPage([WIDTH, HEIGHT]);
  drawFrame(page);
  drawBody(page, fonts, { name: name.text, kurs: kurs.text, datum });
  drawFooter(page, fonts, { nummer: inhalt.nummer, datum });

  const issued = new Date(`${inhalt.abschlussDatum}T00:00:00Z`);
  doc.setTitle(`Zertifikat ${inhalt.nummer}`);
  doc.setSubject(inhalt.produktName);
  doc.setKeywords(['Zertifikat', inhalt.nummer]);
  doc.setAuthor('Campus');
  doc.setCreator('Campus');
  doc.setProducer('campus-events worker-certificate-mail');
  doc.setLanguage('de-DE');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const bytes = await doc.save();
  return { bytes, simplified: name.simplified || kurs.simplified };
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

  const kurs = layoutText(fonts.title, text.kurs, {
    maxWidth: TEXT_WIDTH,
    maxSize: 24,
    minSize: 12,
    maxLines: 2,
  });
  for (const line of kurs.lines) {
    centered(page, line, fonts.title, kurs.size, y);
    y -= kurs.size * 1.25;
  }
  y -= 18;
  centered(page, `am ${text.datum} erfolgreich abgeschlossen hat.`, fonts.regular, 15, y);
}

function drawFooter(page: PDFPage, fonts: Fonts, text: { nummer: string; datum: string }): void {
  const left = 90;
  page.drawText('Zertifikatsnummer', {
    x: left,
    y: 108,
    size: 9,
    font: fonts.regular,
    color: MUTED,
  });
  page.drawText(text.nummer, { x: left, y: 92, size: 12, font: fonts.bold, color: INK });

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
  const issued = `Ausgestellt am ${text.datum}`;
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
