import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@campus/logger';

/** One log line, parsed. */
export type LogLine = Record<string, unknown> & { msg?: string; retryCount?: number };

/** A logger whose lines a test reads: to assert what was logged, and what never was. */
export interface CapturedLogs {
  logger: Logger;
  /** Every line so far, parsed, oldest first. */
  lines: LogLine[];
  /** Every line so far as written (after redaction). */
  text(): string;
}

export function captureLogs(name: string, level = 'info'): CapturedLogs {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      }
      done();
    },
  });
  return { logger: createLogger({ name, level }, stream), lines, text: () => raw.join('\n') };
}
