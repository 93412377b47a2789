import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * A small real PDF standing in for the invoice document Fakturia renders:
 * one A4 page naming the invoice. Deterministic (no dates, no random ids), so
 * a test can compare hashes.
 */
export async function renderInvoicePdf(invoiceNumber: string, lines: readonly string[] = []) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  const printable = (text: string) => text.replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');
  page.drawText(printable(`Rechnung ${invoiceNumber}`), { x: 56, y: 770, size: 18, font });
  lines.forEach((line, i) => {
    page.drawText(printable(line), { x: 56, y: 740 - i * 16, size: 11, font });
  });
  doc.setTitle(`Rechnung ${invoiceNumber}`);
  return Buffer.from(await doc.save());
}
