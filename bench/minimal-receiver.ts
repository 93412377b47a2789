/**
 * The baseline of the benchmark: the least a webhook receiver can do —
 * express.raw, one queue.add, 202. No authentication, validation, de-duplication.
 */
import express from 'express';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

const [redisUrl = 'redis://127.0.0.1:6379', port = '3100'] = process.argv.slice(2);
const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const queue = new Queue('minimal', { connection, prefix: 'bench-minimal' });
const app = express();
app.post('/webhooks/:source', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
  const job = await queue.add(req.params.source, {
    rawBody: (req.body as Buffer).toString('utf8'),
  });
  res.status(202).json({ status: 'accepted', id: job.id });
});
app.listen(Number(port), '127.0.0.1', () =>
  process.stdout.write(`minimal receiver listening on ${port}\n`),
);
