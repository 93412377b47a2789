// Declares each workspace's @campus/* dependencies from the imports its
// sources actually make, so turbo's `^build` order is always right.
// Usage: node scripts/sync-workspace-deps.mjs [--check]
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const roots = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(dir).map((name) => join(dir, name)),
);
const workspaces = roots.filter((dir) =>
  statSync(join(dir, 'package.json'), { throwIfNoEntry: false }),
);
let drift = 0;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

for (const dir of workspaces) {
  const pkgPath = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const runtime = new Set();
  const dev = new Set();
  for (const file of sources(join(dir, 'src')).concat(
    statSync(join(dir, 'test'), { throwIfNoEntry: false }) ? sources(join(dir, 'test')) : [],
  )) {
    const isTest = /\.test\.ts$|\/test\//.test(file);
    for (const [, name] of readFileSync(file, 'utf8').matchAll(/from '(@campus\/[a-z-]+)'/g)) {
      if (name === pkg.name) continue;
      (isTest ? dev : runtime).add(name);
    }
  }
  for (const name of runtime) dev.delete(name);
  const want = (set) => Object.fromEntries([...set].sort().map((n) => [n, '*']));
  const strip = (deps = {}) =>
    Object.fromEntries(Object.entries(deps).filter(([n]) => !n.startsWith('@campus/')));
  const dependencies = { ...want(runtime), ...strip(pkg.dependencies) };
  const devDependencies = { ...want(dev), ...strip(pkg.devDependencies) };
  const next = { ...pkg, dependencies, devDependencies };
  if (Object.keys(dependencies).length === 0) delete next.dependencies;
  if (Object.keys(devDependencies).length === 0) delete next.devDependencies;
  const text = `${JSON.stringify(next, null, 2)}\n`;
  if (text !== readFileSync(pkgPath, 'utf8')) {
    drift++;
    if (check) console.error(`${pkgPath}: @campus/* dependencies do not match the imports`);
    else writeFileSync(pkgPath, text);
  }
}
if (check && drift > 0) process.exit(1);
