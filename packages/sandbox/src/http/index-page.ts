import { escapeHtml, page } from './html.js';

/** `GET /`: what runs here and where. */
export function renderIndex(origin: string): string {
  const link = (path: string) => `<code>${escapeHtml(origin + path)}</code>`;
  return page(
    'Campus Sandbox',
    `<h1>Campus Sandbox</h1>
<p>Stellvertreter der externen Dienste für <code>CAMPUS_MODE=sandbox</code>. Alle Daten liegen nur im Speicher.</p>
<table>
  <tr><th>Lexoffice</th><td>${link('/lexoffice')}</td></tr>
  <tr><th>ProSonata</th><td>${link('/prosonata')}</td></tr>
  <tr><th>Fakturia</th><td>${link('/fakturia/api/v1')}</td></tr>
  <tr><th>PayPal</th><td>${link('/paypal')} (Zertifikat: ${link('/paypal/certs/sandbox.pem')})</td></tr>
  <tr><th>E-Mail</th><td><a href="/mail">Posteingang</a></td></tr>
  <tr><th>Steuerung</th><td>${link('/_control')}/…</td></tr>
</table>`,
  );
}
