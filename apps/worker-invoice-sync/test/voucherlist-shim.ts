import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StoredVoucher } from './harness.js';

/**
 * Lexoffice's `GET /v1/voucherlist`, which the sandbox does not serve yet, in
 * front of the sandbox: the list is made from the sandbox's own vouchers, every
 * other request goes through to the sandbox unchanged. A real HTTP server, so
 * the client under test does exactly what it does against Lexoffice.
 */
export async function startVoucherlistShim(sandboxUrl: string) {
  let listCalls = 0;

  async function voucherlist(url: URL, res: ServerResponse) {
    listCalls += 1;
    const stored = (await (
      await fetch(`${sandboxUrl}/_control/lexoffice/vouchers`)
    ).json()) as (StoredVoucher & { createdDate: string })[];
    const type = url.searchParams.get('voucherType');
    const content = stored
      .filter((v) => v.voucherType === type)
      .map((v) => ({
        id: v.id,
        voucherType: v.voucherType,
        voucherStatus: 'open',
        createdDate: v.createdDate,
        contactName: (v.request.address as { name?: string } | undefined)?.name,
      }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ content, totalPages: 1, totalElements: content.length, number: 0 }));
  }

  async function forward(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = new AbortController();
    // The client gave up: so does the shim, instead of waiting on a held answer.
    res.on('close', () => upstream.abort());
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    try {
      const answer = await fetch(`${sandboxUrl}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        signal: upstream.signal,
      });
      const text = await answer.text();
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(text);
    } catch {
      res.destroy();
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://shim');
    const handled =
      req.method === 'GET' && url.pathname === '/lexoffice/v1/voucherlist'
        ? voucherlist(url, res)
        : forward(req, res);
    handled.catch(() => res.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    lexofficeUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/lexoffice`,
    listCalls: () => listCalls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
