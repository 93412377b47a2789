const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A small page frame; `body` must already be escaped. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2433; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #dde1e8; vertical-align: top; }
  th { background: #f3f5f8; }
  pre { white-space: pre-wrap; background: #f7f7f9; padding: 1rem; border: 1px solid #dde1e8; }
  iframe { width: 100%; min-height: 32rem; border: 1px solid #dde1e8; }
  .muted { color: #6b7385; }
  code { background: #f3f5f8; padding: 0 .25rem; }
</style>
</head>
<body>
${body}
</body>
</html>`;
}
