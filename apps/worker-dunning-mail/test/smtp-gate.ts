import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * How the gate treats a new SMTP connection: `forward` passes it to the real
 * server, `refuse` answers 421 (service not available, try later) and hangs
 * up, `hold` accepts it and never greets, like a server stuck under load.
 */
export type GateMode = 'forward' | 'refuse' | 'hold';

export interface SmtpGate {
  port: number;
  url: string;
  setMode(mode: GateMode): void;
  /** Connections refused and held so far. */
  counts(): { refused: number; held: number };
  close(): Promise<void>;
}

/**
 * A TCP gate in front of the sandbox's SMTP sink, so a test can make SMTP
 * refuse or stall on real sockets while the mails that do pass still land in
 * the sink and are read back from `/_control/mail`.
 */
export async function startSmtpGate(target: { host: string; port: number }): Promise<SmtpGate> {
  let mode: GateMode = 'forward';
  let refused = 0;
  let held = 0;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (mode === 'refuse') {
      refused++;
      client.end('421 4.3.2 Service not available, closing transmission channel\r\n');
      return;
    }
    if (mode === 'hold') {
      held++;
      return;
    }
    const upstream = connect(target.port, target.host);
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    setMode(next) {
      mode = next;
    },
    counts: () => ({ refused, held }),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
