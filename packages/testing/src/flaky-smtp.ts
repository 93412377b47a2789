import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface FlakySmtp {
  port: number;
  /**
   * Drops the open connections (as a restarting server does) and turns the
   * next `count` ones away with a `421` greeting (busy, try later).
   */
  refuse(count: number): void;
  /** How many connections were turned away so far. */
  refused(): number;
  close(): Promise<void>;
}

/**
 * A TCP front to a real SMTP server that can turn connections away the way a
 * busy server does (a 421 greeting); every other connection is passed through
 * unchanged. The sandbox's SMTP sink has no failure knob of its own.
 */
export async function startFlakySmtp(targetPort: number): Promise<FlakySmtp> {
  let toRefuse = 0;
  let refusedCount = 0;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (toRefuse > 0) {
      toRefuse -= 1;
      refusedCount += 1;
      client.end('421 4.3.2 Service not available, try again later\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    refuse(count) {
      toRefuse = count;
      for (const socket of sockets) socket.destroy();
    },
    refused: () => refusedCount,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
