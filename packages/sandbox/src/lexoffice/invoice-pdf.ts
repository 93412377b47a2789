/**
 * The PDF Lexoffice renders for a finalized invoice or credit note
 * (https://developers.lexware.io/docs/, "Render an Invoice Document (PDF)"
 * and Files Endpoint "Download a file"): here a small real PDF with the
 * number, recipient, positions and totals, so that a test can read what a
 * buyer would see.
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { StoredVoucher } from './lexoffice-state.js';
import { salesDocumentTotals } from './sales-document-totals.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const euro = (value: number | undefined) =>
  value === undefined ? '' : `${value.toFixed(2).replace('.', ',')} €`;

// The standard fonts encode WinAnsi: letters beyond it print as '?', not as an error.
const printable = (text: string) => text.replace(/[^\u0020-\u00ff€–„“”‚‘’]/g, '?');

function writer(page: PDFPage, font: PDFFont, bold: PDFFont) {
  let y = 780;
  return (
    text: string,
    options: { size?: number; x?: number; strong?: boolean; gap?: number } = {},
  ) => {
    const size = options.size ?? 10;
    page.drawText(printable(text), {
      x: options.x ?? 56,
      y,
      size,
      font: options.strong ? bold : font,
    });
    y -= options.gap ?? size + 6;
  };
}

/** The document of an invoice (`RE…`) or credit note (`GS…`) as PDF bytes. */
export async function renderInvoicePdf(voucher: StoredVoucher): Promise<Buffer> {
  const body = isObject(voucher.request) ? voucher.request : {};
  const address = isObject(body.address) ? body.address : {};
  const lines = Array.isArray(body.lineItems) ? body.lineItems.filter(isObject) : [];
  const taxType =
    isObject(body.taxConditions) && body.taxConditions.taxType === 'gross' ? 'gross' : 'net';
  const totals = salesDocumentTotals(lines, taxType);

  const pdf = await PDFDocument.create();
  pdf.setTitle(
    `${voucher.voucherType === 'creditnote' ? 'Gutschrift' : 'Rechnung'} ${voucher.voucherNumber}`,
  );
  pdf.setProducer('campus-events sandbox (Lexoffice stand-in)');
  const page = pdf.addPage([595.28, 841.89]);
  const write = writer(
    page,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );

  for (const field of ['name', 'supplement', 'street'] as const) {
    if (typeof address[field] === 'string') write(address[field]);
  }
  write(`${String(address.zip ?? '')} ${String(address.city ?? '')}`.trim(), { gap: 30 });
  write(`${String(body.title ?? 'Rechnung')} ${voucher.voucherNumber}`, { size: 16, strong: true });
  write(`Datum: ${String(body.voucherDate ?? '').slice(0, 10)}`, { gap: 24 });
  if (typeof body.introduction === 'string') write(body.introduction, { gap: 24 });
  lines.forEach((line, index) => {
    const quantity =
      line.type === 'text' ? '' : `${String(line.quantity)} ${String(line.unitName ?? '')} `;
    write(`${quantity}${String(line.name ?? '')}`, { gap: 0 });
    write(euro(totals.lineAmounts[index]), { x: 440 });
  });
  write(`Netto: ${euro(totals.totalPrice.totalNetAmount)}`, { x: 360 });
  for (const tax of totals.taxAmounts)
    write(`USt. ${tax.taxRatePercentage} %: ${euro(tax.taxAmount)}`, { x: 360 });
  write(`Gesamt: ${euro(totals.totalPrice.totalGrossAmount)}`, { x: 360, strong: true, gap: 30 });
  if (typeof body.remark === 'string') write(body.remark);
  return Buffer.from(await pdf.save());
}
