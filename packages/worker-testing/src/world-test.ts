import { test } from 'vitest';
import { startWorkerWorld, type WorkerWorldOptions } from './world.js';

/**
 * vitest's `test`, extended with the world as a fixture a test asks for by
 * name: `workerTest({ queue: 'dunning-mail' })`, then `test('…', async ({ world }) => …)`.
 * The world starts once per file, at the first test that needs it; after
 * every test it is reset. An app extends this with its own wiring
 * (`.extend('worker', async ({ world }) => …)`). The pattern is trigger.dev's
 * `redisTest = test.extend({ … })` (internal-packages/testcontainers/src/index.ts),
 * in vitest's builder form (https://vitest.dev/guide/test-context).
 */
export function workerTest(options: WorkerWorldOptions) {
  return (
    test
      // eslint-disable-next-line no-empty-pattern -- vitest reads what a fixture needs from this pattern
      .extend('world', { scope: 'file' }, async ({}, { onCleanup }) => {
        const world = await startWorkerWorld(options);
        onCleanup(() => world.close());
        return world;
      })
      .extend('cleanWorld', { auto: true }, ({ world }, { onCleanup }) => {
        onCleanup(() => world.reset());
        return true;
      })
  );
}
