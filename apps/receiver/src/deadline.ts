/** Redis did not acknowledge in time, or not at all: the sender should try again later. */
export class UnavailableError extends Error {
  override name = 'UnavailableError';
}

/** Rejects with UnavailableError when `work` has not settled within `ms`. */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UnavailableError(`Redis did not answer within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    if (error instanceof UnavailableError) throw error;
    throw new UnavailableError('Redis refused the write', { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
