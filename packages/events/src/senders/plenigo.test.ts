import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLENIGO_EVENTS } from './plenigo.js';

describe('the plenigo catalog', () => {
  it('lists all 22 plenigo entityType/callbackType pairs of the seed', () => {
    const seed = readFileSync(
      new URL('../../seeds/frisbii-media-callbacks.txt', import.meta.url),
      'utf8',
    );
    const pairs = [...seed.matchAll(/^([A-Z_]+) \| ([A-Z_]+) \| /gm)]
      .filter((m) => m[1] !== 'Callback')
      .map((m) => `${m[2]}/${m[1]}`);
    expect(pairs).toHaveLength(22);
    expect(pairs.sort()).toEqual(Object.keys(PLENIGO_EVENTS).sort());
  });
});
