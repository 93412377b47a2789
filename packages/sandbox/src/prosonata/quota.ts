import type { Clock } from '../clock.js';

export interface QuotaStatus {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (ProSonata's `apiLimitReset`). */
  resetSeconds: number;
}

/**
 * ProSonata's API quota: `limit` calls per window; the window starts with
 * the first call after the previous one ran out.
 */
export class Quota {
  private windowStart: number | undefined;
  private used = 0;

  constructor(
    private readonly clock: Clock,
    private limit: number,
    private windowSeconds: number,
  ) {}

  configure(limit: number, windowSeconds: number): void {
    this.limit = limit;
    this.windowSeconds = windowSeconds;
    this.restart();
  }

  restart(): void {
    this.windowStart = undefined;
    this.used = 0;
  }

  /** Counts one call if the quota has room. */
  take(): QuotaStatus {
    this.roll();
    this.windowStart ??= this.clock.now();
    const allowed = this.used < this.limit;
    if (allowed) this.used += 1;
    return { ...this.peek(), allowed };
  }

  peek(): QuotaStatus {
    this.roll();
    const windowMs = this.windowSeconds * 1000;
    const resetMs =
      this.windowStart === undefined ? windowMs : this.windowStart + windowMs - this.clock.now();
    return {
      allowed: this.used < this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      resetSeconds: Math.max(0, Math.ceil(resetMs / 1000)),
    };
  }

  settings(): { limit: number; windowSeconds: number } {
    return { limit: this.limit, windowSeconds: this.windowSeconds };
  }

  private roll(): void {
    if (
      this.windowStart !== undefined &&
      this.clock.now() >= this.windowStart + this.windowSeconds * 1000
    ) {
      this.restart();
    }
  }
}
