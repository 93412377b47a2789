const HERE = 'http://dashboard.invalid';

const hasControlCharacter = (text: string) =>
  [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where a successful login may go: a path on this dashboard, else `/`. A
 * browser reads `/\evil.example` as `//evil.example` (another host), proxies
 * may decode `%5C` into `\`, and tabs or newlines vanish from URLs; all of
 * those, `//host` and absolute URLs go to `/` (no open redirect).
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  if (/[\\\s]|%5c|^\/%2f/i.test(value) || hasControlCharacter(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return '/';
  }
  if (url.origin !== HERE) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
