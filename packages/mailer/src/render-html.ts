import { CLOSING, SIGNATURE, type Block, type MailDocument } from './document.js';
import { escapeHtml } from './html.js';

// One layout for every mail: a centred 600px card on a light background, built
// from tables with inline styles because that is what mail clients render
// reliably (no <style> blocks, no flexbox). Every value passes escapeHtml.

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT = `${FONT};font-size:16px;line-height:1.5;color:#1f2933`;
const ACCENT = '#1d4ed8';

/** The HTML part: a complete document in the shared layout. */
export function renderHtml(doc: MailDocument): string {
  const body = [
    `<p style="margin:0 0 16px">${escapeHtml(doc.greeting)}</p>`,
    ...doc.blocks.map(renderBlock),
    `<p style="margin:24px 0 0">${escapeHtml(CLOSING)}<br>${escapeHtml(SIGNATURE)}</p>`,
  ]
    .filter((html) => html !== '')
    .join('\n');

  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6">
<div style="display:none;max-height:0;overflow:hidden;opacity:0">${escapeHtml(doc.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px">
<tr><td style="padding:20px 32px;border-bottom:3px solid ${ACCENT};${FONT};font-size:20px;font-weight:bold;color:${ACCENT}">Campus</td></tr>
<tr><td style="padding:24px 32px 32px;${TEXT}">
${body}
</td></tr>
</table>
<p style="margin:16px 0 0;${FONT};font-size:12px;line-height:1.5;color:#6b7280">Diese E-Mail wurde automatisch von Campus erstellt.</p>
</td></tr>
</table>
</body>
</html>
`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case 'facts':
      if (block.rows.length === 0) return '';
      return [
        '<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse">',
        ...block.rows.map(
          (row) =>
            `<tr><td style="padding:4px 16px 4px 0;color:#6b7280;vertical-align:top">${escapeHtml(row.label)}</td>` +
            `<td style="padding:4px 0;font-weight:bold;vertical-align:top">${escapeHtml(row.value)}</td></tr>`,
        ),
        '</table>',
      ].join('\n');
    case 'action': {
      const href = escapeHtml(block.url);
      return (
        `<p style="margin:8px 0 8px"><a href="${href}" style="display:inline-block;padding:12px 24px;background:${ACCENT};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">${escapeHtml(block.label)}</a></p>\n` +
        `<p style="margin:0 0 16px;font-size:13px;color:#6b7280">Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:<br><a href="${href}" style="color:${ACCENT};word-break:break-all">${href}</a></p>`
      );
    }
    case 'code':
      return `<p style="margin:8px 0 16px;font-family:'SFMono-Regular',Consolas,'Liberation Mono',monospace;font-size:28px;font-weight:bold;letter-spacing:4px">${escapeHtml(block.code)}</p>`;
  }
}
