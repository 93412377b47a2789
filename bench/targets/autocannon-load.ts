/**
 * The load generator where wrk is not installed: autocannon in a process of
 * its own, with the same unique bodies as wrk-unique-bodies.lua and the same
 * one-line JSON result.
 *
 * Usage: autocannon-load.ts <url> <connections> <seconds> <workload file> <salt>
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { bodyId } from '../workload.js';

const [url = '', connections = '50', seconds = '10', file = '', salt = ''] = process.argv.slice(2);
const [path = '', head = '', tail = ''] = readFileSync(file, 'utf8').split('\n');
let counter = 0;
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  timeout: 5,
  requests: [
    {
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({
        ...req,
        body: `${head}${bodyId(salt, 0, ++counter)}${tail}`,
      }),
    },
  ],
});
const ms = (value: number) => Math.round(value * 1000);
process.stdout.write(
  `BENCH_RESULT ${JSON.stringify({
    requests: result.requests.total,
    durationUs: ms(result.duration) * 1000,
    p50Us: ms(result.latency.p50),
    p99Us: ms(result.latency.p99),
    maxUs: ms(result.latency.max),
    non2xx: result.non2xx,
    connectErrors: result.errors - result.timeouts,
    readErrors: 0,
    writeErrors: 0,
    timeouts: result.timeouts,
  })}\n`,
);
