/** A condition a test waited for did not come true before its deadline. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

/** What a probe returns while the condition is not met yet. */
type NotYet = undefined | false;

/**
 * Polls `probe` until it returns something other than `undefined` or `false`,
 * and returns that; fails after `timeoutMs` naming `what`. The one way the
 * tests wait: to a deadline, never a fixed sleep. Generous by default, since
 * several people run tests at once on a small machine. A probe that throws
 * ends the wait with its error.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | NotYet> | T | NotYet,
  timeoutMs = 20_000,
): Promise<Exclude<T, NotYet>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as Exclude<T, NotYet>;
    if (Date.now() > deadline) {
      throw new WaitTimeoutError(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
