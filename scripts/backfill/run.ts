import { parseArgs } from 'node:util';
import { createFakturiaClient } from '@campus/clients';
import { ConfigError, loadConfig } from '@campus/config';
import { createCustomerDirectory } from '@campus/customer-directory';
import { createProducerConnection, waitUntilReady } from '@campus/queues';
import { backfillCustomers, type CustomerBackfillSummary } from './customers.js';

// Exit codes: sysexits.h, as the apps use 78 for configuration.
export const EXIT = { ok: 0, failed: 1, usage: 64, unavailable: 69, config: 78 } as const;

const USAGE = `Usage: npm run backfill -- customers [--from-page N]

  customers      pages through Fakturia's customers (GET /api/v1/Customers) into the
                 customer directory in Redis, as CUSTOMER_CREATED events would
  --from-page N  start at page N (from 0), to resume a run that stopped

Reads FAKTURIA_API_URL, FAKTURIA_API_KEY, FAKTURIA_PAGE_SIZE, FAKTURIA_LIST_QUERY,
REDIS_URL and QUEUE_PREFIX like the apps do. Safe to run twice.
`;

export interface BackfillIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The variables to read; the process environment when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** How long to wait for Redis before giving up (default 10 s). */
  redisWaitMs?: number;
}

function describe(summary: CustomerBackfillSummary, seconds: number): string {
  return (
    `Fakturia customers → customer directory: ${summary.pages} pages, ${summary.customers} customers: ` +
    `${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
    `${summary.failed} failed (${seconds.toFixed(1)} s)\n`
  );
}

/** `npm run backfill -- <what>`: returns the exit code. */
export async function runBackfill(argv: string[], io: BackfillIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'from-page': { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const fromPage = Number(args.values['from-page'] ?? '0');
  if (args.positionals.join(' ') !== 'customers' || !Number.isInteger(fromPage) || fromPage < 0) {
    io.err(USAGE);
    return EXIT.usage;
  }

  let config;
  try {
    config = loadConfig(['fakturia'], io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`backfill: ${error.message}\n`);
    return EXIT.config;
  }
  const redis = createProducerConnection(config.core, { enableOfflineQueue: true });
  redis.on('error', () => {}); // reported below, once, instead of per reconnect
  try {
    try {
      await waitUntilReady(redis, io.redisWaitMs ?? 10_000);
    } catch (error) {
      io.err(`backfill: ${(error as Error).message}; check REDIS_URL\n`);
      return EXIT.unavailable;
    }
    const fakturia = createFakturiaClient({
      apiUrl: config.fakturia.apiUrl,
      apiKey: config.fakturia.apiKey,
      pageSize: config.fakturia.pageSize,
      listQuery: config.fakturia.listQuery,
      timeoutMs: 30_000,
    });
    io.out(`Reading Fakturia's customers from ${config.fakturia.apiUrl}, page ${fromPage} on\n`);
    const started = Date.now();
    const summary = await backfillCustomers({
      pages: (from) => fakturia.customerPages({ fromPage: from }),
      directory: createCustomerDirectory(redis, config.core.queuePrefix),
      fromPage,
      report: (line) => io.out(`${line}\n`),
    });
    io.out(describe(summary, (Date.now() - started) / 1000));
    if (summary.stoppedAt) {
      io.err(
        `backfill stopped at page ${summary.stoppedAt.page}: ${summary.stoppedAt.reason}\n` +
          `Fix the cause and resume with: npm run backfill -- customers --from-page ${summary.stoppedAt.page}\n`,
      );
      return EXIT.failed;
    }
    if (summary.failed > 0) {
      const customers =
        summary.failed === 1 ? '1 customer was' : `${summary.failed} customers were`;
      io.err(`backfill: ${customers} not written (see the lines above)\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
