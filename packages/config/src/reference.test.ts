import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConfigReference, SETTINGS } from './index.js';

describe('the configuration reference', () => {
  it('in docs/configuration.md matches the config schema (run `npm run docs:config` after a change)', () => {
    const doc = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(doc.slice(doc.indexOf('## Reference') + '## Reference\n\n'.length)).toBe(
      renderConfigReference(),
    );
  });

  it('in README.md matches the config schema (run `npm run docs:config` after a change)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('<!-- config:start -->') + '<!-- config:start -->\n'.length;
    expect(readme.slice(start, readme.indexOf('<!-- config:end -->'))).toBe(
      renderConfigReference(),
    );
  });

  it('names every setting', () => {
    const reference = renderConfigReference();
    for (const s of SETTINGS) expect(reference).toContain(`\`${s.env}\``);
  });
});
