/**
 * Baseline: the least an express webhook receiver does — express.raw, one
 * queue.add, 202. No authentication, validation or de-duplication.
 *
 * Usage: express-receiver.ts <redis url> <port>
 */
import express from 'express';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

const [redisUrl = 'redis://127.0.0.1:6379', port = '3100'] = process.argv.slice(2);
const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const queue = new Queue('invoice-sync', { connection, prefix: 'bench' });
const app = express();
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.post('/webhooks/:source', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
  const job = await queue.add(req.params.source, {
    rawBody: (req.body as Buffer).toString('utf8'),
  });
  res.status(202).json({ status: 'accepted', id: job.id });
});
const server = app.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void queue.close().then(() => connection.quit().finally(() => process.exit(0)));
});
