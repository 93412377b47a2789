import { NonRetriableError } from '@campus/errors';
import type { PDFFont } from 'pdf-lib';

/**
 * A text the certificate's standard fonts cannot show (they cover WinAnsi:
 * Latin-1 plus „“ – € and a few more). No retry can change the text, so the
 * job fails for good and names the characters, not the text.
 */
export class ZertifikatTextError extends NonRetriableError {
  override name = 'ZertifikatTextError';
}

// Letters outside WinAnsi that Unicode does not decompose into a base letter.
const LOOK_ALIKE: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  ẞ: 'SS',
};

export interface PrintableText {
  text: string;
  /** True when a letter had to lose its accent (e.g. ő → o) to be printable. */
  simplified: boolean;
}

/**
 * Makes `text` printable with `font`: NFC first (a decomposed ä is one WinAnsi
 * letter), then letters outside WinAnsi lose their accent. Whatever is still
 * missing (e.g. CJK) throws ZertifikatTextError naming `field`.
 */
export function toPrintable(font: PDFFont, text: string, field: string): PrintableText {
  const supported = new Set(font.getCharacterSet());
  const cleaned = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  let simplified = false;
  const missing = new Set<string>();
  let out = '';
  for (const char of cleaned) {
    if (supported.has(char.codePointAt(0) ?? 0)) {
      out += char;
      continue;
    }
    const replacement = LOOK_ALIKE[char] ?? char.normalize('NFD').replace(/\p{Mark}/gu, '');
    if (replacement !== '' && [...replacement].every((c) => supported.has(c.codePointAt(0) ?? 0))) {
      out += replacement;
      simplified = true;
    } else {
      missing.add(`U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  if (missing.size > 0) {
    throw new ZertifikatTextError(
      `The ${field} holds characters the certificate fonts cannot print (${[...missing].join(', ')}); ` +
        'issue this certificate by hand or add a Unicode font to worker-certificate-mail.',
    );
  }
  return { text: out, simplified };
}

export interface TextBlock {
  size: number;
  lines: string[];
}

/**
 * The largest size from `maxSize` down to `minSize` at which `text` fits
 * `maxWidth` in at most `maxLines` lines; at `minSize` it takes as many lines
 * as it needs, so nothing is ever cut off.
 */
export function layoutText(
  font: PDFFont,
  text: string,
  options: { maxWidth: number; maxSize: number; minSize: number; maxLines: number },
): TextBlock {
  for (let size = options.maxSize; size > options.minSize; size -= 1) {
    const lines = wrapText(font, text, size, options.maxWidth);
    if (lines.length <= options.maxLines) return { size, lines };
  }
  return {
    size: options.minSize,
    lines: wrapText(font, text, options.minSize, options.maxWidth),
  };
}

function wrapText(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= maxWidth;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    current = word;
    // A single word wider than the line is broken where it must be.
    while (!fits(current)) {
      let cut = current.length - 1;
      while (cut > 1 && !fits(current.slice(0, cut))) cut -= 1;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}
