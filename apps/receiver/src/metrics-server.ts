import { createServer, type Server } from 'node:http';
import { withDeadline } from './deadline.js';
import type { ReceiverMetrics } from './metrics.js';

/**
 * `/metrics` on a listener of its own (RECEIVER_METRICS_HOST, loopback by
 * default), apart from the webhook port that faces the senders: queue depths
 * and request counts are for the operator's scraper, not the internet.
 */
export function createMetricsServer(metrics: ReceiverMetrics): Server {
  return createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    withDeadline(metrics.registry.metrics(), 5_000).then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(503, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
}
