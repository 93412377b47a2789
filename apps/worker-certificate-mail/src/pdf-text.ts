import { NonRetriableError } from '@campus/errors';
import type { PDFFont } from 'pdf-lib';

/**
 * A text the certificate's font cannot show (DejaVu Serif covers every Latin
 * script, Greek and Cyrillic, not e.g. CJK). No retry can change the text, so
 * the job fails for good and names the characters, not the text.
 */
export class ZertifikatTextError extends NonRetriableError {
  override name = 'ZertifikatTextError';
}

/**
 * `text` as the certificate prints it: NFC (a decomposed ä becomes the one
 * letter the font has), spaces collapsed. Every letter prints as written;
 * one the font lacks throws ZertifikatTextError naming `field` and the code
 * points, never a letter is simplified.
 */
export function requirePrintable(font: PDFFont, text: string, field: string): string {
  const supported = new Set(font.getCharacterSet());
  const cleaned = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const missing = new Set<string>();
  for (const char of cleaned) {
    const code = char.codePointAt(0) ?? 0;
    if (!supported.has(code)) missing.add(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  if (missing.size > 0) {
    throw new ZertifikatTextError(
      `The ${field} holds characters the certificate font (DejaVu Serif) cannot print (${[...missing].join(', ')}); ` +
        'issue this certificate by hand, or add a font that covers them to worker-certificate-mail/fonts.',
    );
  }
  return cleaned;
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
