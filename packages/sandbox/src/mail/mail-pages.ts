import { escapeHtml, page } from '../http/html.js';
import type { StoredMail } from './mail-store.js';

const when = (iso: string) =>
  new Date(iso).toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'short',
    timeStyle: 'medium',
  });

/** `GET /mail`: the inbox, newest first. */
export function renderInbox(mails: readonly StoredMail[]): string {
  const rows = [...mails]
    .reverse()
    .map(
      (m) => `<tr>
  <td>${escapeHtml(when(m.receivedAt))}</td>
  <td>${escapeHtml(m.to.join(', ') || m.envelope.to.join(', '))}</td>
  <td><a href="/mail/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(kein Betreff)')}</a></td>
  <td>${m.attachments.map((a) => escapeHtml(a.filename)).join('<br>') || '<span class="muted">–</span>'}</td>
</tr>`,
    )
    .join('\n');
  const table =
    mails.length === 0
      ? '<p class="muted">Noch keine E-Mails empfangen.</p>'
      : `<table><thead><tr><th>Empfangen</th><th>An</th><th>Betreff</th><th>Anhänge</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
  return page(
    'Posteingang – Campus Sandbox',
    `<h1>Posteingang</h1>
<p class="muted">${mails.length} E-Mail${mails.length === 1 ? '' : 's'} im SMTP-Postfach der Sandbox.</p>
${table}`,
  );
}

/** `GET /mail/{id}`: one mail; its HTML part in a sandboxed iframe, so its scripts and links stay inert. */
export function renderMail(mail: StoredMail): string {
  const attachments = mail.attachments
    .map(
      (a, index) =>
        `<li><a href="/mail/${encodeURIComponent(mail.id)}/attachments/${index}">${escapeHtml(a.filename)}</a>
  <span class="muted">${escapeHtml(a.contentType)}, ${a.size} Bytes, SHA-256 <code>${a.sha256}</code></span></li>`,
    )
    .join('\n');
  const html =
    mail.html === undefined
      ? ''
      : `<h2>HTML</h2>\n<iframe sandbox="" referrerpolicy="no-referrer" srcdoc="${escapeHtml(mail.html)}"></iframe>`;
  return page(
    `${mail.subject || '(kein Betreff)'} – Campus Sandbox`,
    `<p><a href="/mail">← Posteingang</a></p>
<h1>${escapeHtml(mail.subject || '(kein Betreff)')}</h1>
<table>
  <tr><th>Von</th><td>${escapeHtml(mail.from.join(', '))}</td></tr>
  <tr><th>An</th><td>${escapeHtml(mail.to.join(', '))}</td></tr>
  ${mail.cc.length > 0 ? `<tr><th>Kopie</th><td>${escapeHtml(mail.cc.join(', '))}</td></tr>` : ''}
  <tr><th>Empfangen</th><td>${escapeHtml(when(mail.receivedAt))}</td></tr>
  <tr><th>Anhänge</th><td>${attachments ? `<ul>${attachments}</ul>` : '<span class="muted">keine</span>'}</td></tr>
</table>
<h2>Text</h2>
<pre>${escapeHtml(mail.text ?? '(kein Textteil)')}</pre>
${html}`,
  );
}
