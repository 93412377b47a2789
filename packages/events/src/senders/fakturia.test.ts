import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAKTURIA_EVENTS } from './fakturia.js';

describe('the Fakturia catalog', () => {
  it('lists every Fakturia event type of the seed, with its attributes', () => {
    const seed = readFileSync(
      new URL('../../seeds/fakturia-webhooks.txt', import.meta.url),
      'utf8',
    );
    const seedTypes = [...seed.matchAll(/^([A-Z_]{4,})(?=[A-ZÄÖÜ][a-zäöü])/gm)].map((m) => m[1]);
    expect(seedTypes.sort()).toEqual(Object.keys(FAKTURIA_EVENTS).sort());
    expect(FAKTURIA_EVENTS.DUNNING_CREATED).toEqual({ invoice: 'object', dunningLevel: 'number' });
  });
});
