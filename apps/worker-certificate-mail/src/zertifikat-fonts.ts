import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { StandardFonts, type PDFDocument, type PDFFont } from 'pdf-lib';

/** The certificate's fonts: DejaVu Serif (every Latin script) for what the request says, Helvetica and Times for our own words. */
export interface ZertifikatFonts {
  regular: PDFFont;
  bold: PDFFont;
  title: PDFFont;
  /** Participant name: DejaVu Serif Bold Italic. */
  name: PDFFont;
  /** Course name: DejaVu Serif Bold. */
  kurs: PDFFont;
}

// fonts/README.md says where they come from and under which licence.
const FONT_DIR = new URL('../fonts/', import.meta.url);
let files: Promise<{ name: Uint8Array; kurs: Uint8Array }> | undefined;

function fontFiles() {
  files ??= Promise.all([
    readFile(new URL('DejaVuSerif-BoldItalic.ttf', FONT_DIR)),
    readFile(new URL('DejaVuSerif-Bold.ttf', FONT_DIR)),
  ]).then(([name, kurs]) => ({ name, kurs }));
  return files;
}

/**
 * Embeds the fonts into `doc`: DejaVu as subsets (the glyphs used, not the
 * whole file) under fixed names, since pdf-lib would otherwise tag each
 * subset with a random prefix and the same certificate would not give the
 * same bytes.
 */
export async function embedZertifikatFonts(doc: PDFDocument): Promise<ZertifikatFonts> {
  doc.registerFontkit(fontkit);
  const { name, kurs } = await fontFiles();
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    title: await doc.embedFont(StandardFonts.TimesRomanBold),
    name: await doc.embedFont(name, { subset: true, customName: 'CAMPUS+DejaVuSerif-BoldItalic' }),
    kurs: await doc.embedFont(kurs, { subset: true, customName: 'CAMPUS+DejaVuSerif-Bold' }),
  };
}
