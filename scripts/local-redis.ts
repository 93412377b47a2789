import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Socket } from 'node:net';

/** True when something at host:port answers PING with PONG. */
export function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) =>
      done(String(data).startsWith('+PONG') || String(data).startsWith('-NOAUTH')),
    );
    socket.connect(Number(port || 6379), hostname || '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

/**
 * Starts a redis-server for local use: AOF on (appendfsync everysec), data
 * under `dir`, noeviction, bound to loopback. Returns undefined (after saying
 * how to get one) when there is no binary.
 */
export async function startLocalRedis(url: string, dir: string): Promise<ChildProcess | undefined> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write(
      `Nothing answers at ${url}, and there is no redis-server to start.\n` +
        '  Debian/Ubuntu: sudo apt-get install -y redis-server\n' +
        '  macOS:         brew install redis\n' +
        '  Docker:        docker run -p 6379:6379 redis:7 --appendonly yes\n' +
        '  or point REDIS_URL at a Redis you have.\n',
    );
    return undefined;
  }
  mkdirSync(dir, { recursive: true });
  const { hostname, port } = new URL(url);
  const child = spawn(
    'redis-server',
    [
      '--port',
      port || '6379',
      '--bind',
      hostname === 'localhost' ? '127.0.0.1' : hostname,
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--hash-max-listpack-value',
      '4096',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const deadline = Date.now() + 10_000;
  while (!(await redisAnswers(url, 200))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`redis-server did not start at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}
