const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The dashboard's own pages share one plain layout, without scripts (the
 * Content-Security-Policy allows none inline); a page that refreshes itself
 * says so in a meta tag.
 */
export function page(
  title: string,
  body: string,
  options: { refreshSeconds?: number } = {},
): string {
  const refresh =
    options.refreshSeconds === undefined
      ? ''
      : `\n<meta http-equiv="refresh" content="${options.refreshSeconds}">`;
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${refresh}
<title>${escapeHtml(title)} – campus-events</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2937; background: #f5f6f8; }
  header { background: #1e3a5f; color: #fff; padding: 0.8rem 1.5rem; display: flex; gap: 1.5rem; align-items: center; }
  header a, header button { color: #dbe7f5; text-decoration: none; background: none; border: 0; font: inherit; cursor: pointer; padding: 0; }
  header form { margin: 0; }
  header strong { margin-right: auto; }
  main { padding: 1.5rem; max-width: 1100px; }
  table { border-collapse: collapse; width: 100%; background: #fff; margin-bottom: 1.5rem; }
  th, td { text-align: left; padding: 0.45rem 0.7rem; border-bottom: 1px solid #e5e7eb; }
  th { background: #eef2f7; font-weight: 600; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .bad { color: #b91c1c; font-weight: 600; }
  .warn { color: #b45309; font-weight: 600; }
  .ok { color: #047857; }
  form.login { background: #fff; padding: 1.5rem; max-width: 320px; margin: 4rem auto; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
  form.login label { display: block; margin: 0.8rem 0 0.3rem; }
  form.login input { width: 100%; padding: 0.5rem; box-sizing: border-box; }
  form.login button { margin-top: 1.2rem; width: 100%; padding: 0.6rem; background: #1e3a5f; color: #fff; border: 0; border-radius: 4px; }
  form.login a { display: block; margin-top: 1rem; text-align: center; color: #1e3a5f; }
  .error { color: #b91c1c; }
  p.hint { color: #4b5563; }
</style>
</head>
<body>${body}</body>
</html>`;
}

/** The login form; `next` (a relative path) is where a successful login goes. */
export function loginPage(error?: string, next = '/'): string {
  return page(
    'Anmelden',
    `<form class="login" method="post" action="/login?next=${encodeURIComponent(next)}">
  <h1>campus-events</h1>
  <p class="hint">Anmeldung für das Betriebs-Dashboard</p>
  ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
  <label for="user">Benutzer</label>
  <input id="user" name="user" autocomplete="username" required autofocus>
  <label for="password">Passwort</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Anmelden</button>
</form>`,
  );
}

/** The logout button: a POST with the session's CSRF token, so that no other site can log an operator out. */
export function logoutForm(csrf: string): string {
  return `<form method="post" action="/logout"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><button type="submit">Abmelden</button></form>`;
}

/** GET /logout (Bull Board's menu links here): asks, then logs out with a POST. */
export function logoutPage(csrf: string): string {
  return page(
    'Abmelden',
    `<form class="login" method="post" action="/logout">
  <h1>Abmelden</h1>
  <p class="hint">Die Sitzung wird beendet; danach gilt das Anmelde-Cookie nicht mehr.</p>
  <input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
  <button type="submit">Abmelden</button>
  <a href="/">Zurück zur Übersicht</a>
</form>`,
  );
}
