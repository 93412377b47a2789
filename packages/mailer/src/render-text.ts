import { CLOSING, SIGNATURE, type Block, type MailDocument } from './document.js';

/** The plain-text part: paragraphs apart by a blank line, links as bare URLs on their own line. */
export function renderText(doc: MailDocument): string {
  const sections = [doc.greeting, ...doc.blocks.map(renderBlock), `${CLOSING}\n${SIGNATURE}`];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'facts': {
      const width = Math.max(0, ...block.rows.map((row) => row.label.length));
      return block.rows.map((row) => `${`${row.label}:`.padEnd(width + 2)}${row.value}`).join('\n');
    }
    case 'action':
      return `${block.label}:\n${block.url}`;
    case 'code':
      return `    ${block.code}`;
  }
}
