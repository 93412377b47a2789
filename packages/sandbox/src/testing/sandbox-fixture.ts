import { createLogger } from '@campus/logger';
import type { Clock } from '../clock.js';
import type { PaypalCertificate } from '../paypal/certificate.js';
import { startSandbox, type RunningSandbox, type StartSandboxOptions } from '../start.js';

/** A clock a test moves by hand. */
export class ManualClock implements Clock {
  constructor(private time = Date.parse('2025-03-03T09:00:00.000Z')) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/** A sandbox on free ports with a silent logger. */
export function startTestSandbox(
  options: Partial<StartSandboxOptions> & { certificate?: PaypalCertificate } = {},
): Promise<RunningSandbox> {
  return startSandbox({
    logger: createLogger({ name: 'sandbox-test', level: 'silent' }),
    ...options,
  });
}

export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** fetch with a JSON body and a JSON answer. */
export async function fetchJson<T = unknown>(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    signal?: AbortSignal;
  } = {},
): Promise<JsonAnswer<T>> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}
