export { startTestRedis, freePort } from './redis-server.js';
export { startTestCluster, keySlot, hasRedisClusterBinaries } from './redis-cluster.js';
export type { TestCluster, ClusterNode, ClusterTopology } from './redis-cluster.js';
export type { TestRedis } from './redis-server.js';
export { readFixture, FIXTURES_DIR } from './fixtures.js';
export { spawnApp } from './spawn-app.js';
export type { RunningApp } from './spawn-app.js';
export { waitFor, WaitTimeoutError } from './wait-for.js';
export { CRC32_FIX_MARK, forgeCrc32, withCrc32Of } from './forge-crc32.js';
