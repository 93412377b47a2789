import { createHash } from 'node:crypto';
import type { ZertifikatEntry } from '@campus/certificate-registry';

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{margin:0;background:#f4f5f7;color:#1f2937;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:40rem;margin:3rem auto;padding:2rem;background:#fff;border-top:4px solid #1c3a6b;border-radius:6px}
h1{margin:0 0 1rem;font-size:1.5rem;color:#1c3a6b}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1.5rem;margin:1.5rem 0}
dt{color:#6b7280}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
code{font:0.9rem ui-monospace,SFMono-Regular,Consolas,monospace}
.ok{color:#166534;font-weight:600}small{color:#6b7280}`;

/**
 * The page allows nothing but its own style block, by hash: no script, no
 * image, no frame, no form, nothing fetched from elsewhere.
 */
export const CERTIFICATE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Campus</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** `2026-03-14` → `14.03.2026`. */
function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return year && month && day ? `${day}.${month}.${year}` : isoDate;
}

/** The confirmation: who, which course, when, the number and the PDF's sha256. Never an e-mail address. */
export function certificateFoundPage(entry: ZertifikatEntry & { sha256: string }): string {
  const rows: [string, string][] = [
    ['Teilnehmer/in', entry.teilnehmerName],
    ['Kurs', entry.kurs],
    ['Abgeschlossen am', germanDate(entry.abschlussDatum)],
    ['Ausgestellt am', germanDate(entry.ausgestelltAm)],
    ['Zertifikatsnummer', entry.nummer],
  ];
  return page(
    `Zertifikat ${entry.nummer}`,
    `<h1>Zertifikat ${escapeHtml(entry.nummer)}</h1>
<p class="ok">Dieses Zertifikat wurde von Campus ausgestellt und ist echt.</p>
<dl>
${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
<dt>Prüfsumme (SHA-256)</dt><dd><code>${escapeHtml(entry.sha256)}</code></dd>
</dl>
<p><small>Stimmt die SHA-256-Prüfsumme Ihrer PDF-Datei mit der oben genannten überein, ist die Datei unverändert so, wie Campus sie ausgestellt hat (zum Beispiel unter Linux und macOS: <code>shasum -a 256 Zertifikat-${escapeHtml(entry.nummer)}.pdf</code>, unter Windows: <code>certutil -hashfile Zertifikat-${escapeHtml(entry.nummer)}.pdf SHA256</code>).</small></p>`,
  );
}

export function certificateNotFoundPage(): string {
  return page(
    'Zertifikat nicht gefunden',
    `<h1>Zertifikat nicht gefunden</h1>
<p>Unter dieser Nummer ist kein Zertifikat von Campus verzeichnet.</p>
<p>Bitte prüfen Sie die Schreibweise: Eine Zertifikatsnummer hat die Form <code>Z-2026-7K3M9Q</code> (das Jahr des Abschlusses und sechs Zeichen).</p>`,
  );
}

export function tooManyLookupsPage(retryAfterSeconds: number): string {
  return page(
    'Zu viele Anfragen',
    `<h1>Zu viele Anfragen</h1>
<p>Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Abfragen. Bitte versuchen Sie es in ${retryAfterSeconds} Sekunden erneut.</p>`,
  );
}

export function unavailablePage(): string {
  return page(
    'Vorübergehend nicht erreichbar',
    `<h1>Vorübergehend nicht erreichbar</h1>
<p>Die Prüfung ist gerade nicht möglich. Bitte versuchen Sie es in einigen Sekunden erneut.</p>`,
  );
}
