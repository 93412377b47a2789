/**
 * Baseline: a fastify webhook receiver — the body as a raw buffer (no JSON
 * parse, as in the express baseline), one queue.add, 202; logger off. No
 * authentication, validation or de-duplication.
 *
 * Usage: fastify-receiver.ts <redis url> <port>
 */
import Fastify from 'fastify';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

const [redisUrl = 'redis://127.0.0.1:6379', port = '3100'] = process.argv.slice(2);
const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const queue = new Queue('invoice-sync', { connection, prefix: 'bench' });
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
// Every content type as a Buffer: fastify's JSON parser stays out of it.
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
app.get('/healthz', async () => ({ status: 'ok' }));
app.post<{ Params: { source: string }; Body: Buffer }>('/webhooks/:source', async (req, reply) => {
  const job = await queue.add(req.params.source, { rawBody: req.body.toString('utf8') });
  return reply.code(202).send({ status: 'accepted', id: job.id });
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => queue.close())
    .then(() => connection.quit())
    .finally(() => process.exit(0));
});
