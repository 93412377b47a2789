import type { RecordedRequest } from '../http/request-log.js';

export interface SecondCount {
  /** Start of the second, ISO. */
  second: string;
  received: number;
  /** Answered with anything but 429. */
  admitted: number;
  limited: number;
}

export interface RateReport {
  ratePerSecond: number;
  /** Every request's arrival, ms since the epoch, in order. */
  times: number[];
  seconds: SecondCount[];
  maxReceivedPerSecond: number;
  maxAdmittedPerSecond: number;
  /** Most admitted requests inside any sliding 1000 ms window. */
  maxAdmittedInAnyWindow: number;
}

/** Per-second counts of the Lexoffice requests, so a test can assert the client kept to the limit. */
export function rateReport(
  requests: readonly RecordedRequest[],
  ratePerSecond: number,
): RateReport {
  const bySecond = new Map<number, SecondCount>();
  for (const request of requests) {
    const start = Math.floor(request.at / 1000) * 1000;
    let count = bySecond.get(start);
    if (!count) {
      count = { second: new Date(start).toISOString(), received: 0, admitted: 0, limited: 0 };
      bySecond.set(start, count);
    }
    count.received += 1;
    if (request.status === 429) count.limited += 1;
    else count.admitted += 1;
  }
  const seconds = [...bySecond.values()];
  const admittedTimes = requests.filter((r) => r.status !== 429).map((r) => r.at);
  let maxWindow = 0;
  let from = 0;
  for (let to = 0; to < admittedTimes.length; to += 1) {
    while (admittedTimes[to]! - admittedTimes[from]! >= 1000) from += 1;
    maxWindow = Math.max(maxWindow, to - from + 1);
  }
  return {
    ratePerSecond,
    times: requests.map((r) => r.at),
    seconds,
    maxReceivedPerSecond: Math.max(0, ...seconds.map((s) => s.received)),
    maxAdmittedPerSecond: Math.max(0, ...seconds.map((s) => s.admitted)),
    maxAdmittedInAnyWindow: maxWindow,
  };
}
