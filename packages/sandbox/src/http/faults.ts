import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { recordedRequestOf } from './request-log.js';

export const FAULT_MODES = ['error', 'hang', 'timeout-after-work'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultPlan {
  remaining: number;
  mode: FaultMode;
}

/**
 * The failure knob of one upstream: the next `count` calls fail with 500,
 * hang, or do their work and then hang (the client times out although the
 * upstream acted — what idempotency has to survive).
 */
export class FaultInjector {
  private plan: FaultPlan = { remaining: 0, mode: 'error' };
  private readonly held = new Set<Response>();

  constructor(private readonly errorBody: (req: Request) => unknown) {}

  arm(count: number, mode: FaultMode): FaultPlan {
    this.plan = { remaining: count, mode };
    return this.current();
  }

  current(): FaultPlan {
    return { ...this.plan };
  }

  /** How many requests are held open right now. */
  heldCount(): number {
    return this.held.size;
  }

  /** Disarms the knob and drops every held connection, so hung clients see a reset. */
  reset(): void {
    this.plan = { remaining: 0, mode: 'error' };
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      if (this.plan.remaining <= 0) {
        next();
        return;
      }
      this.plan.remaining -= 1;
      const { mode } = this.plan;
      const entry = recordedRequestOf(res);
      if (entry) entry.fault = mode;
      if (mode === 'error') {
        res.status(500).json(this.errorBody(req));
        return;
      }
      if (mode === 'hang') {
        this.hold(res);
        return;
      }
      // timeout-after-work: let the handler act, then swallow its answer.
      res.end = (() => {
        if (entry) entry.withheldStatus = res.statusCode;
        this.hold(res);
        return res;
      }) as Response['end'];
      next();
    };
  }

  private hold(res: Response): void {
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
  }
}
