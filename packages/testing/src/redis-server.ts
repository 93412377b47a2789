import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTestEnvironment } from '@campus/config';
import type * as Testcontainers from 'testcontainers';

/** A Redis for one test file. `stop`/`start` let a test take it away and bring it back. */
export interface TestRedis {
  url: string;
  port: number;
  /** False for an externally provided Redis (TEST_REDIS_URL), which a test cannot stop. */
  canRestart: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

function hasRedisServerBinary(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.write('PING\r\n');
      });
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

class LocalRedisServer implements TestRedis {
  readonly canRestart = true;
  private child: ChildProcess | undefined;
  constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly appendOnly: boolean,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      this.dir,
      '--save',
      '',
      '--appendonly',
      this.appendOnly ? 'yes' : 'no',
      '--maxmemory-policy',
      'noeviction',
      '--protected-mode',
      'no',
      '--loglevel',
      'warning',
    ];
    const child = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    await waitForPort(this.port, 10_000);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

class ExternalRedis implements TestRedis {
  readonly canRestart = false;
  constructor(readonly url: string) {}
  get port(): number {
    return Number(new URL(this.url).port || 6379);
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {
    throw new Error(
      'This test stops Redis, which it cannot do to TEST_REDIS_URL: install redis-server (apt-get install redis-server) to run it.',
    );
  }
  async close(): Promise<void> {}
}

/**
 * Starts a redis-server of its own on a free port (the binary on PATH), or
 * uses TEST_REDIS_URL, or a testcontainers Redis where Docker runs. Each test
 * file should use its own, or at least its own queue prefix.
 */
export async function startTestRedis(options: { appendOnly?: boolean } = {}): Promise<TestRedis> {
  if (hasRedisServerBinary()) {
    const server = new LocalRedisServer(
      await freePort(),
      mkdtempSync(join(tmpdir(), 'campus-redis-')),
      options.appendOnly ?? false,
    );
    await server.start();
    return server;
  }
  const { redisUrl } = readTestEnvironment();
  if (redisUrl) return new ExternalRedis(redisUrl);
  const fromDocker = await startContainerRedis();
  if (fromDocker) return fromDocker;
  throw new Error(
    'No Redis for the tests: install redis-server (apt-get install redis-server, brew install redis), ' +
      'or set TEST_REDIS_URL to a Redis the tests may flush, or run Docker for testcontainers.',
  );
}

type TestcontainersModule = typeof Testcontainers;

/** testcontainers, loaded only when neither a binary nor a URL is there. */
async function startContainerRedis(): Promise<TestRedis | undefined> {
  let tc: TestcontainersModule;
  try {
    tc = await import('testcontainers');
  } catch {
    return undefined;
  }
  try {
    const container = await new tc.GenericContainer('redis:7-alpine')
      .withExposedPorts(6379)
      .start();
    const redis: TestRedis = {
      canRestart: true,
      get url() {
        return `redis://${container.getHost()}:${container.getMappedPort(6379)}`;
      },
      get port() {
        return container.getMappedPort(6379);
      },
      async stop() {
        await container.stop({ remove: false });
      },
      async start() {
        await container.restart();
      },
      async close() {
        await container.stop();
      },
    } as TestRedis;
    return redis;
  } catch {
    return undefined;
  }
}
