import type { Clock } from '../clock.js';

/**
 * Lexoffice limits an account with a token bucket: `ratePerSecond` tokens
 * refill per second, up to a burst of the same size.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly clock: Clock,
    private ratePerSecond: number,
  ) {
    this.tokens = ratePerSecond;
    this.updatedAt = clock.now();
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  /** Takes a token if one is there. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Starts full again, optionally at another rate. */
  reset(ratePerSecond = this.ratePerSecond): void {
    this.ratePerSecond = ratePerSecond;
    this.tokens = ratePerSecond;
    this.updatedAt = this.clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.ratePerSecond, this.tokens + elapsedSeconds * this.ratePerSecond);
    this.updatedAt = now;
  }
}
