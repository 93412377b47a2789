import { SOURCES } from '@campus/events';
import { escapeHtml, logoutForm, page } from './html.js';
import type { Health } from './queue-health.js';

const OUTCOMES = [
  'accepted',
  'requeued',
  'duplicate',
  'quarantined',
  'rejected',
  'unavailable',
] as const;
const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  accepted: 'angenommen',
  requeued: 'neu eingereiht',
  duplicate: 'Duplikat',
  quarantined: 'Quarantäne',
  rejected: 'abgewiesen',
  unavailable: '503 (Redis weg)',
};

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString('de-DE', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The operator's at-a-glance page: every queue, and what each sender delivered in the last hour. */
export function healthPage(health: Health, csrf: string): string {
  const queueRows = health.queues
    .map((q) => {
      const state = q.paused
        ? '<span class="warn">pausiert</span>'
        : q.rateLimitedUntil
          ? `<span class="warn">gedrosselt bis ${time(q.rateLimitedUntil)}</span>`
          : '<span class="ok">läuft</span>';
      return `<tr>
  <td><a href="/queues/queue/${encodeURIComponent(q.name)}">${escapeHtml(q.name)}</a></td>
  <td class="num">${q.waiting}</td><td class="num">${q.active}</td><td class="num">${q.delayed}</td>
  <td class="num ${q.failed > 0 ? 'bad' : ''}">${q.failed > 0 ? `<a class="bad" href="/queues/queue/${encodeURIComponent(q.name)}?status=failed">${q.failed}</a>` : '0'}</td>
  <td class="num">${q.completed}</td><td>${state}</td>
</tr>`;
    })
    .join('\n');
  const sourceRows = SOURCES.map((s) => {
    const counts = health.sources[s] ?? {};
    return `<tr><td>${s}</td>${OUTCOMES.map((o) => {
      const n = counts[o] ?? 0;
      const cls =
        n > 0 && (o === 'rejected' || o === 'quarantined' || o === 'unavailable')
          ? 'num bad'
          : 'num';
      return `<td class="${cls}">${n}</td>`;
    }).join('')}</tr>`;
  }).join('\n');
  return page(
    'Übersicht',
    `<header><strong>campus-events</strong><a href="/">Übersicht</a><a href="/queues">Jobs (Bull Board)</a>${logoutForm(csrf)}</header>
<main>
  <h1>Übersicht</h1>
  <p class="hint">Stand ${time(health.generatedAt)} · Die Seite lädt alle 15 Sekunden neu.
  Fehlgeschlagene Jobs öffnen, Grund lesen, „Wiederholen“ drücken; ein wiederholter Quarantäne-Job wird neu geprüft und geroutet.</p>
  <h2>Warteschlangen</h2>
  <table>
    <thead><tr><th>Warteschlange</th><th>wartend</th><th>aktiv</th><th>verzögert</th><th>fehlgeschlagen</th><th>erledigt</th><th>Zustand</th></tr></thead>
    <tbody>${queueRows}</tbody>
  </table>
  <h2>Absender, letzte Stunde</h2>
  <table>
    <thead><tr><th>Quelle</th>${OUTCOMES.map((o) => `<th>${OUTCOME_LABELS[o]}</th>`).join('')}</tr></thead>
    <tbody>${sourceRows}</tbody>
  </table>
</main>`,
    { refreshSeconds: 15 },
  );
}
