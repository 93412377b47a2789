import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md names files, walks one event through them and counts
 * them. It must not drift from the tree: every file it names exists (a name
 * with `<placeholder>` or `*` matches at least one), and its counts are the
 * counts of the files it lists.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DOC = readFileSync(new URL('../docs/architecture.md', import.meta.url), 'utf8');
const SKIPPED = new Set(['node_modules', 'dist', '.git', '.turbo', '.data', 'coverage']);

/** Every file of the repository, relative to its root. */
function repositoryFiles(dir = ''): string[] {
  return readdirSync(`${ROOT}${dir}`, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = `${dir}${entry.name}`;
    return entry.isDirectory() ? repositoryFiles(`${path}/`) : [path];
  });
}

// A file name: optional folders, a name, one of the extensions the docs speak of.
const FILE_NAME = /(?:\.\.\/)?(?:[\w<>*.-]+\/)*[\w<>*-][\w<>*.-]*\.(?:ts|json|md|ya?ml|txt)\b/g;

/** The file names a text mentions, URLs left out. */
const fileNamesIn = (text: string) => [
  ...new Set(text.replace(/https?:\/\/\S+/g, '').match(FILE_NAME) ?? []),
];

/** `<x>` stands for one path segment or part of one, `*` for any part of one. */
function patternOf(name: string): RegExp {
  const source = name
    .replace(/^(\.\.\/)+/, '')
    .split(/(<[^>]+>|\*)/)
    .map((part) =>
      part.startsWith('<') || part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  // A name with folders is a path from the root or from any folder; a bare name, any file's name.
  return new RegExp(`(?:^|/)${source}$`);
}

/** The part of the doc from `start` up to `end`. */
function section(start: string, end: string): string {
  const from = DOC.indexOf(start);
  const to = DOC.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`docs/architecture.md has no "${start}" … "${end}"`);
  return DOC.slice(from, to);
}

/** The repository paths (apps/…, packages/…) a text names, the SMTP server's stand-in left out. */
const ourPaths = (text: string) =>
  fileNamesIn(text).filter(
    (name) => /^(apps|packages)\//.test(name) && !name.startsWith('packages/sandbox/'),
  );
const packagesOf = (paths: string[]) =>
  new Set(paths.map((p) => p.split('/').slice(0, 2).join('/')));

describe('docs/architecture.md', () => {
  const files = repositoryFiles();

  it('finds the files by the rule it uses', () => {
    expect(
      fileNamesIn('see `apps/worker-<domain>/src/handlers/<source>-<event>.ts` and x.ts'),
    ).toEqual(['apps/worker-<domain>/src/handlers/<source>-<event>.ts', 'x.ts']);
    expect(files.some((f) => patternOf('handlers/<source>-<event>.ts').test(f))).toBe(true);
    expect(files.some((f) => patternOf('handlers/no-such-event.ts').test(f))).toBe(false);
  });

  it('names only files that exist', () => {
    const missing = fileNamesIn(DOC).filter((name) => !files.some((f) => patternOf(name).test(f)));
    expect(missing).toEqual([]);
  });

  it('counts the files of its walk of one event as many as it lists', () => {
    const walk = section('## One event, end to end', 'The walk touches');
    const claim = /The walk touches \*\*(\d+) files in (\d+) packages\*\*/.exec(DOC);
    const paths = ourPaths(walk);
    expect(claim).not.toBeNull();
    expect([paths.length, packagesOf(paths).size]).toEqual([Number(claim![1]), Number(claim![2])]);
  });

  it("keeps a worker app's test/world.ts to its wiring, under 80 lines", () => {
    const worlds = files.filter((f) => /^apps\/worker-[^/]+\/test\/world\.ts$/.test(f));
    const long = worlds.filter((f) => readFileSync(`${ROOT}${f}`, 'utf8').split('\n').length > 80);
    expect(worlds.length).toBeGreaterThan(0);
    expect(long).toEqual([]);
  });

  it('has the worker world as a devDependency of apps only', () => {
    const manifests = files.filter((f) => /^(apps|packages)\/[^/]+\/package\.json$/.test(f));
    const users = manifests.flatMap((f) => {
      const manifest = JSON.parse(readFileSync(`${ROOT}${f}`, 'utf8')) as Record<string, unknown>;
      return ['dependencies', 'devDependencies', 'peerDependencies']
        .filter((field) =>
          Object.hasOwn((manifest[field] ?? {}) as object, '@campus/worker-testing'),
        )
        .map((field) => `${f.split('/').slice(0, 2).join('/')} ${field}`);
    });
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((use) => !/^apps\/\S+ devDependencies$/.test(use))).toEqual([]);
  });

  it('counts the files with their helpers as many as it lists', () => {
    const all = ourPaths(section('## One event, end to end', 'recounts both'));
    const claim = /with them, \*\*(\d+) files\s+in (\d+) packages\*\*/.exec(DOC);
    expect(claim).not.toBeNull();
    expect([all.length, packagesOf(all).size]).toEqual([Number(claim![1]), Number(claim![2])]);
  });
});
