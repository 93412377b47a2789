import { createServer, type Server } from 'node:http';
import { exitOnConfigError, loadConfig, type Config, type SettingGroup } from '@campus/config';
import { createLogger, type Logger } from '@campus/logger';
import type { AnyWorkerDefinition } from './catalog.js';
import { startWorker, type RunningWorker } from './start-worker.js';
import { createWorkerMetrics } from './worker-metrics.js';

export interface WorkerApp<G extends SettingGroup> {
  /** Process name for logs: `worker-dunning-mail`. */
  name: string;
  /** Config groups the app needs besides core, queues and worker. */
  configGroups: readonly G[];
  /** Builds the domain's services and its worker definition. */
  build(
    config: Config<G | 'queues' | 'worker'>,
    logger: Logger,
  ): Promise<{
    definition: AnyWorkerDefinition;
    close?(): Promise<void>;
  }>;
}

/**
 * The whole life of a worker process: config (exit 78 with the missing
 * variables named), logger, the BullMQ worker, optional /metrics, and a
 * graceful stop on SIGTERM/SIGINT (no new jobs, active ones finish within
 * WORKER_SHUTDOWN_GRACE_MS, connections closed).
 */
export async function runWorkerApp<G extends SettingGroup>(app: WorkerApp<G>): Promise<void> {
  const config = await exitOnConfigError(
    app.name,
    () => loadConfig([...app.configGroups, 'queues', 'worker']) as Config<G | 'queues' | 'worker'>,
  );
  const logger = createLogger({ name: app.name, level: config.core.logLevel });
  const metrics = createWorkerMetrics();
  // A domain that checks its own settings at build time fails like the config does.
  const { definition, close: closeDomain } = await exitOnConfigError(app.name, () =>
    app.build(config, logger),
  );
  const running: RunningWorker = await startWorker(definition, {
    redis: config.core,
    prefix: config.core.queuePrefix,
    logger,
    settings: config.worker,
    retention: config.queues,
    metrics,
  });
  let server: Server | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new jobs, active ones finish');
    server?.close();
    await running.close();
    await closeDomain?.();
    logger.info('stopped');
    process.exit(0);
  };
  // Installed before the "started" line, so a stop signal is never missed.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  if (config.worker.metricsPort > 0) {
    server = createServer((req, res) => {
      if (req.url === '/metrics') {
        metrics.registry
          .metrics()
          .then((text) =>
            res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
          )
          .catch(() => res.writeHead(500).end());
      } else if (req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      } else {
        res.writeHead(404).end();
      }
    }).listen(config.worker.metricsPort);
  }
  logger.info(
    { queue: definition.queue, concurrency: running.worker.opts.concurrency },
    `${app.name} started`,
  );
}
