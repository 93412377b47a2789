import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySlot, startTestCluster, type TestCluster } from './redis-cluster.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
}, 90_000);
afterAll(async () => {
  await cluster?.close();
});

describe('startTestCluster', () => {
  it('forms three masters with one replica each, every slot served', async () => {
    const topology = await cluster.topology();
    const masters = topology.filter((t) => t.role === 'master');
    expect(masters).toHaveLength(3);
    expect(topology.filter((t) => t.role === 'replica')).toHaveLength(3);
    const served = masters.flatMap((m) => m.slots).reduce((n, [a, b]) => n + b - a + 1, 0);
    expect(served).toBe(16384);
    for (const node of cluster.nodes) expect(node.port + 10_000).toBeLessThan(65_536);
  });

  it('computes slots as Redis does, hash tags included', () => {
    // Values from the Redis Cluster specification's examples and CLUSTER KEYSLOT.
    expect(keySlot('123456789')).toBe(12739);
    expect(keySlot('{user1000}.following')).toBe(keySlot('user1000'));
  });

  it('serves a cluster client, and a replica takes over a killed master', async () => {
    const client = new Cluster(
      cluster.url.split(',').map((u) => ({ host: '127.0.0.1', port: Number(new URL(u).port) })),
    );
    try {
      await client.set('{a}:k', '1');
      await client.set('{b}:k', '2');
      const owner = await cluster.masterOf('{a}:k');
      const before = await cluster.topology();
      const replica = before.find((t) => t.masterPort === owner.port);
      expect(replica).toBeDefined();
      await client.wait(1, 2_000).catch(() => undefined);

      await owner.kill();
      const deadline = Date.now() + 30_000;
      for (;;) {
        const now = await cluster.topology();
        if (now.find((t) => t.port === replica!.port)?.role === 'master') break;
        if (Date.now() > deadline) throw new Error('no failover');
        await new Promise((r) => setTimeout(r, 200));
      }
      await cluster.waitUntilHealthy();
      expect((await cluster.masterOf('{a}:k')).port).toBe(replica!.port);

      await owner.start();
      await cluster.waitUntilHealthy();
      const rejoined = (await cluster.topology()).find((t) => t.port === owner.port);
      expect(rejoined?.role).toBe('replica');
    } finally {
      client.disconnect();
    }
  }, 90_000);
});
