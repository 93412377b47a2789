/**
 * What the test helpers may take from the environment: an explicit Redis for
 * machines without a redis-server binary. Kept here so that nothing outside
 * this package reads process.env.
 */
export function readTestEnvironment(
  env: Readonly<Record<string, string | undefined>> = process.env,
): {
  redisUrl: string | undefined;
  ci: boolean;
  /** What a spawned app process inherits (PATH and the like), before the test's own variables. */
  inherited: Record<string, string | undefined>;
} {
  return {
    redisUrl: env.TEST_REDIS_URL || undefined,
    ci: env.CI === 'true',
    inherited: { ...env },
  };
}
