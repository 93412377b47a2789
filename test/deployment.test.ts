import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freePort, spawnApp, startTestRedis, type TestRedis } from '@campus/testing';

/**
 * No Docker engine runs here, so the compose file is checked the way the
 * engine would use it: every service runs a real script of this repository,
 * and each app, started in production mode with exactly the environment its
 * service gives it, finds every variable it needs.
 */
const root = new URL('../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'), {
  merge: true,
}) as {
  services: Record<
    string,
    {
      command?: string[];
      environment?: Record<string, string>;
      image?: string;
      build?: string;
      ports?: string[];
      profiles?: string[];
    }
  >;
};
const appServices = Object.entries(compose.services).filter(([, s]) => s.command?.[0] === 'node');

/**
 * Compose's interpolation: `${X:?msg}` must be provided (we provide a stand-in),
 * `${X:-d}` defaults to d; nested ones from the inside out.
 */
function interpolate(value: string): string {
  let text = String(value);
  for (;;) {
    const next = text.replace(
      /\$\{([A-Z0-9_]+)(?::([?-])([^${}]*))?\}/g,
      (_m, name: string, kind?: string, rest?: string) =>
        kind === '-' ? (rest ?? '') : standIn(name),
    );
    if (next === text) return text;
    text = next;
  }
}

/**
 * A value of the right shape and strength for a variable the operator must
 * provide (production refuses weak secrets): 32 bytes as hex, as
 * `openssl rand -hex 32` makes them, or as a Standard Webhooks key; a URL;
 * a number for an id.
 */
function standIn(name: string): string {
  if (name.endsWith('_URL')) return `https://compose-test.example/${name.toLowerCase()}`;
  // A ProSonata customer group is an id.
  if (name.endsWith('_CUSTOMER_ID')) return '3';
  const bytes = createHash('sha256').update(`compose-test ${name}`).digest();
  if (name === 'CAMPUS_WEBHOOK_SECRET') return `whsec_${bytes.toString('base64')}`;
  return bytes.toString('hex');
}

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.close();
});

describe('docker-compose.yml', () => {
  it('runs Redis with AOF, noeviction, compact job hashes, a volume and a password every app is given', () => {
    const command = compose.services.redis?.command?.join(' ') ?? '';
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(command).toContain('--hash-max-listpack-value 4096');
    expect(command).toContain('--requirepass ${REDIS_PASSWORD:?set REDIS_PASSWORD}');
    expect(compose.services.redis).toHaveProperty('volumes');
    for (const [name, service] of appServices) {
      expect(service.environment?.REDIS_URL, name).toBe(
        '${REDIS_URL:-redis://:${REDIS_PASSWORD:?set REDIS_PASSWORD}@redis:6379}',
      );
      expect(interpolate(service.environment!.REDIS_URL!), name).toMatch(
        /^redis:\/\/:[0-9a-f]{64}@redis:6379$/,
      );
      expect(service.environment?.REDIS_CLUSTER, name).toBe('${REDIS_CLUSTER:-false}');
    }
  });

  it('has a cluster profile: six cluster nodes with AOF and a password, and a one-shot create', () => {
    const nodes = Object.entries(compose.services).filter(([name]) =>
      name.startsWith('redis-node-'),
    );
    expect(nodes).toHaveLength(6);
    for (const [name, node] of nodes) {
      const command = node.command?.join(' ') ?? '';
      expect(node.profiles, name).toEqual(['cluster']);
      expect(command, name).toContain('--cluster-enabled yes');
      expect(command, name).toContain('--appendonly yes');
      expect(command, name).toContain('--maxmemory-policy noeviction');
      expect(command, name).toContain('--hash-max-listpack-value 4096');
      expect(command, name).toContain('--requirepass ${REDIS_PASSWORD:?set REDIS_PASSWORD}');
      expect(command, name).toContain('--masterauth ${REDIS_PASSWORD:?set REDIS_PASSWORD}');
    }
    const init = compose.services['redis-cluster-init'];
    expect(init?.profiles).toEqual(['cluster']);
    expect(init?.command?.join(' ')).toMatch(
      /--cluster create .*--cluster-replicas 1 --cluster-yes/,
    );
  });

  it('publishes only the receiver to the world; the dashboard and the mail sink on loopback', () => {
    const published = Object.entries(compose.services).flatMap(([name, service]) =>
      (service.ports ?? []).map((port) => `${name} ${port}`),
    );
    expect(published.sort()).toEqual([
      'dashboard 127.0.0.1:3001:3001',
      'mailsink 127.0.0.1:8025:8025',
      'receiver 3000:3000',
    ]);
  });

  it('has a service for the receiver, the dashboard and every worker app, each a real script', () => {
    const apps = appServices.map(([, s]) => s.command![1]!.split('/')[1]).sort();
    const expected = [
      'dashboard',
      'receiver',
      'worker-certificate-mail',
      'worker-dunning-mail',
      'worker-invoice-sync',
      'worker-login-mail',
      'worker-offer-mail',
      'worker-order-to-customer',
      'worker-paypal-subscription',
    ];
    expect(apps).toEqual(expected);
    for (const [name, service] of appServices) {
      const [, script] = service.command!;
      expect(script, name).toMatch(/^apps\/[a-z-]+\/dist\/main\.js$/);
      const app = script!.split('/')[1]!;
      expect(
        existsSync(new URL(`apps/${app}/src/main.ts`, root)),
        `${name}: apps/${app}/src/main.ts`,
      ).toBe(true);
      const pkg = JSON.parse(readFileSync(new URL(`apps/${app}/package.json`, root), 'utf8'));
      expect(pkg.scripts.build, name).toBe('tsc -p tsconfig.json');
      expect(service.environment?.CAMPUS_MODE, name).toBe('production');
    }
  });

  it.each(appServices.map(([name, service]) => [name, service] as const))(
    '%s starts in production mode with the environment its service sets',
    async (name, service) => {
      const app = service.command![1]!.split('/')[1]!;
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(v)]),
      );
      const running = spawnApp(app, {
        ...env,
        // Only the addresses change: Redis is the test's, ports are free ones.
        REDIS_URL: redis.url,
        RECEIVER_HOST: '127.0.0.1',
        RECEIVER_PORT: String(await freePort()),
        RECEIVER_METRICS_PORT: String(await freePort()),
        RECEIVER_METRICS_HOST: '127.0.0.1',
        DASHBOARD_PORT: String(await freePort()),
        DASHBOARD_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      });
      try {
        await running.waitFor(/listening|started/, 30_000);
      } finally {
        running.child.kill('SIGTERM');
      }
      expect(await running.exited, `${name} output:\n${running.output()}`).toBe(0);
      expect(running.output()).not.toContain('Configuration is invalid');
    },
    60_000,
  );
});
