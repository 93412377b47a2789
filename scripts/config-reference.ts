/** Writes the configuration reference into README.md and docs/configuration.md: `npm run docs:config`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderConfigReference } from '@campus/config';

const reference = renderConfigReference();

const docs = new URL('../docs/configuration.md', import.meta.url);
const current = readFileSync(docs, 'utf8');
const marker = '## Reference';
const head = current.includes(marker) ? current.slice(0, current.indexOf(marker)) : current;
writeFileSync(docs, `${head}${marker}\n\n${reference}`);

const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const start = '<!-- config:start -->';
const end = '<!-- config:end -->';
writeFileSync(
  readme,
  `${text.slice(0, text.indexOf(start) + start.length)}\n${reference}${text.slice(text.indexOf(end))}`,
);
process.stdout.write('README.md and docs/configuration.md updated\n');
