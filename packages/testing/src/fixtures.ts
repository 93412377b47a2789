import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's `fixtures/` folder: sample bodies as each sender posts them. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** A fixture's exact bytes as a string, e.g. `readFixture('fakturia/DUNNING_CREATED.json')`. */
export function readFixture(path: string): string {
  return readFileSync(`${FIXTURES_DIR}${path}`, 'utf8');
}
