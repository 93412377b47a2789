import { spawn, type ChildProcess } from 'node:child_process';
import { Socket } from 'node:net';

/** The options every test redis-server runs with (loopback, no RDB, noeviction, quiet). */
export function redisServerArgs(port: number, dir: string, extra: string[]): string[] {
  return [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--maxmemory-policy',
    'noeviction',
    // As docker-compose.yml runs Redis: a job hash of a webhook stays a compact listpack.
    '--hash-max-listpack-value',
    '4096',
    '--protected-mode',
    'no',
    '--loglevel',
    'warning',
    ...extra,
  ];
}

/** Resolves once something on `port` answers PING with PONG. */
export async function waitForPong(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(String(data).startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One redis-server process that a test can kill -9 and start again with the same data. */
export class RedisProcess {
  private child: ChildProcess | undefined;
  constructor(
    readonly port: number,
    private readonly args: () => string[],
  ) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn('redis-server', this.args(), { stdio: 'ignore' });
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    await waitForPong(this.port, 10_000);
  }

  /** SIGKILL, as a crashed machine: no goodbye, no save. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
