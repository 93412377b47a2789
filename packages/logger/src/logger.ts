import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

// Keys that may hold secrets or personal data, wherever they appear in a log
// object (top level and up to three levels down). Log ids, never payloads.
const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'token',
  'secret',
  'password',
  'signature',
  'apiKey',
  'rawBody',
  'body',
  'email',
  'to',
  'iban',
  'IBAN',
  'name',
  'firstName',
  'lastName',
  'vorname',
  'nachname',
  'code',
  '"plenigo-signature"',
  '"webhook-signature"',
  '"paypal-transmission-sig"',
  '"x-webhook-token"',
  '"x-api-key"',
];

// fast-redact wants bracket notation for keys that are not identifiers.
const access = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${key}]`);

export const REDACTED_PATHS: readonly string[] = SENSITIVE_KEYS.flatMap((key) => [
  access(key).replace(/^\./, ''),
  `*${access(key)}`,
  `*.*${access(key)}`,
  `*.*.*${access(key)}`,
]);

/** One logger per process; children carry requestId, queue, jobId, eventKey, retryCount. */
export function createLogger(
  options: { name: string; level?: string },
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      base: { app: options.name },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/**
 * A logger for access lines (one per request or job) whose fields are fixed
 * and safe by construction: ids, statuses, durations. It has no redaction,
 * whose path walk costs more than everything else in a sub-millisecond
 * request (a pino child cannot switch it off). Never pass payloads, headers or
 * errors to it.
 *
 * Its lines go where the logger's go. Where that is stdout, they are
 * buffered: they leave in writes of 4 KB or every half second, whichever
 * comes first, instead of a write each; pino flushes what is pending when the
 * process exits (a kill -9 loses at most the last half second of access lines).
 */
export function createAccessLogger(logger: Logger, destination?: DestinationStream): Logger {
  const parent = (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as
    (DestinationStream & { fd?: number }) | undefined;
  return pino(
    { level: logger.level, base: logger.bindings(), timestamp: pino.stdTimeFunctions.isoTime },
    destination ?? (parent === undefined || parent.fd === 1 ? asyncStdout() : parent),
  );
}

const FLUSH_EVERY_MS = 500;
let stdout: DestinationStream | undefined;
/** One buffered stdout for every access logger of the process. */
function asyncStdout(): DestinationStream {
  if (stdout) return stdout;
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stream.flush(), FLUSH_EVERY_MS).unref();
  return (stdout = stream);
}
