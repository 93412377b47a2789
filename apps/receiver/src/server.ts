import { createServer, type RequestListener, type Server } from 'node:http';
import type { ReceiverConfig } from '@campus/config';
import type { Logger } from '@campus/logger';

type Limits = Pick<ReceiverConfig, 'headersTimeoutMs' | 'requestTimeoutMs' | 'maxConnections'>;

/**
 * The receiver's HTTP server, hardened against slow and greedy clients: a
 * request's headers must arrive within `headersTimeoutMs` and the whole
 * request within `requestTimeoutMs` (Node answers 408 and closes), and past
 * `maxConnections` open connections a new one is closed at once (`onDrop`).
 */
export function createReceiverServer(
  handler: RequestListener,
  limits: Limits,
  onDrop: () => void,
): Server {
  const server = createServer(
    {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      requestTimeout: limits.requestTimeoutMs,
      // Node looks for overdue requests on this interval (30 s by default, far
      // past the limits above).
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, limits.headersTimeoutMs / 2)),
    },
    handler,
  );
  server.maxConnections = limits.maxConnections;
  server.on('drop', onDrop);
  return server;
}

/**
 * Stops accepting connections, lets in-flight requests finish (idle
 * keep-alive sockets are closed at once, busy ones after their answer), and
 * cuts whatever is left after `graceMs`.
 */
export async function closeServer(server: Server, logger: Logger, graceMs = 10_000): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      logger.warn('requests still open after the grace period: closing their connections');
      server.closeAllConnections();
    }, graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
