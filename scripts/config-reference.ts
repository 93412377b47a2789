/** Writes docs/configuration.md from the config schema: `npm run docs:config`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderConfigReference } from '@campus/config';

const path = new URL('../docs/configuration.md', import.meta.url);
const current = readFileSync(path, 'utf8');
const marker = '## Reference';
const head = current.includes(marker) ? current.slice(0, current.indexOf(marker)) : current;
writeFileSync(path, `${head}${marker}\n\n${renderConfigReference()}`);
process.stdout.write('docs/configuration.md updated\n');
