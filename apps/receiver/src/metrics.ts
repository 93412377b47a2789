import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { registerQueueDepthMetrics, type QueueSet } from '@campus/queues';

export interface ReceiverMetrics {
  registry: Registry;
  requests: Counter<'source' | 'status' | 'outcome'>;
  /** Counts one request; the labelled child is made once per combination, not per request. */
  countRequest(source: string, status: number, outcome: string): void;
  enqueueSeconds: Histogram<'source'>;
  /** Connections closed at once because RECEIVER_MAX_CONNECTIONS were open. */
  droppedConnections: Counter;
}

export function createReceiverMetrics(queues: QueueSet): ReceiverMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerQueueDepthMetrics(registry, queues.all());
  const requests = new Counter({
    name: 'campus_webhook_requests_total',
    help: 'Webhook requests by source, HTTP status and outcome.',
    labelNames: ['source', 'status', 'outcome'] as const,
    registers: [registry],
  });
  const children = new Map<string, { inc(): void }>();
  return {
    registry,
    requests,
    countRequest(source, status, outcome) {
      const key = `${source}|${status}|${outcome}`;
      let child = children.get(key);
      if (!child) {
        child = requests.labels(source, String(status), outcome);
        children.set(key, child);
      }
      child.inc();
    },
    enqueueSeconds: new Histogram({
      name: 'campus_enqueue_duration_seconds',
      help: 'Time from a validated webhook to Redis acknowledging every add.',
      labelNames: ['source'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5],
      registers: [registry],
    }),
    droppedConnections: new Counter({
      name: 'campus_receiver_dropped_connections_total',
      help: 'Connections closed at once because RECEIVER_MAX_CONNECTIONS were already open.',
      registers: [registry],
    }),
  };
}
