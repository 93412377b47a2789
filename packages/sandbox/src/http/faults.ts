import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { recordedRequestOf } from './request-log.js';

export const FAULT_MODES = ['error', 'hang', 'timeout-after-work'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultPlan {
  remaining: number;
  mode: FaultMode;
  /**
   * Only calls whose path (as the request log shows it, e.g.
   * `/lexoffice/v1/invoices/…/document`) matches this regular expression
   * fail and count; the others pass. Every call when absent.
   */
  path?: string;
}

/**
 * The failure knob of one upstream: the next `count` calls (of a path, if
 * given) fail with 500, hang, or do their work and then hang (the client
 * times out although the upstream acted — what idempotency has to survive).
 */
export class FaultInjector {
  private plan: FaultPlan = { remaining: 0, mode: 'error' };
  private pathPattern: RegExp | undefined;
  private readonly held = new Set<Response>();

  constructor(private readonly errorBody: (req: Request) => unknown) {}

  arm(count: number, mode: FaultMode, path?: string): FaultPlan {
    this.plan = { remaining: count, mode, ...(path === undefined ? {} : { path }) };
    this.pathPattern = path === undefined ? undefined : new RegExp(path);
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
    this.pathPattern = undefined;
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      const path = req.originalUrl.split('?')[0] ?? '';
      if (this.plan.remaining <= 0 || (this.pathPattern && !this.pathPattern.test(path))) {
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
