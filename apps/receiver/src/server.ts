import type { Server } from 'node:http';
import type { Logger } from '@campus/logger';

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
