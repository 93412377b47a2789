import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTestEnvironment } from '@campus/config';
import type * as Testcontainers from 'testcontainers';
import { RedisProcess, redisServerArgs } from './redis-process.js';

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

class LocalRedisServer implements TestRedis {
  readonly canRestart = true;
  private readonly process: RedisProcess;
  constructor(
    readonly port: number,
    private readonly dir: string,
    appendOnly: boolean,
  ) {
    this.process = new RedisProcess(port, () =>
      redisServerArgs(port, dir, ['--appendonly', appendOnly ? 'yes' : 'no']),
    );
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  start(): Promise<void> {
    return this.process.start();
  }

  stop(): Promise<void> {
    return this.process.kill();
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
