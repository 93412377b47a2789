import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SECRETS } from '@campus/config';
import {
  freePort,
  readFixture,
  spawnApp,
  startTestRedis,
  type RunningApp,
  type TestRedis,
} from '@campus/testing';
import { senderHeaders, senderQuery, type SenderCredentials } from '@campus/webhook-auth';

/**
 * What an attacker tried against a running receiver (issue #9), each against
 * the real process: the test fails if the attack works again.
 */
const credentials: SenderCredentials = {
  fakturiaToken: SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN,
  plenigoSecret: SANDBOX_SECRETS.PLENIGO_WEBHOOK_SECRET,
  campusSecret: SANDBOX_SECRETS.CAMPUS_WEBHOOK_SECRET,
};

let redis: TestRedis;
const running: RunningApp[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await Promise.all(running.map((app) => app.stop()));
  await redis?.close();
});

/** A receiver process in sandbox mode, logging at debug level so that every line can be checked. */
async function startReceiver(env: Record<string, string> = {}) {
  const port = await freePort();
  const app = spawnApp('receiver', {
    REDIS_URL: redis.url,
    RECEIVER_PORT: String(port),
    QUEUE_PREFIX: `atk${running.length}`,
    LOG_LEVEL: 'debug',
    ...env,
  });
  running.push(app);
  await app.waitFor(/receiver listening/);
  const base = `http://127.0.0.1:${port}`;
  return {
    app,
    port,
    base,
    async post(source: 'fakturia' | 'plenigo', body: string) {
      const response = await fetch(
        `${base}/webhooks/${source}${senderQuery(source, credentials)}`,
        {
          method: 'POST',
          headers: senderHeaders(source, body, credentials),
          body,
        },
      );
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

/** Pino's error and fatal lines. */
const errorLines = (output: string) =>
  output.split('\n').filter((line) => /"level":(50|60)/.test(line));

/** Polls until `check` holds, or fails with `what` once the deadline passed. */
async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A raw TCP connection that records when the server closes it, and what it answered. */
function rawConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  const state = { closed: false, received: '' };
  socket.on('data', (chunk) => (state.received += chunk.toString()));
  socket.on('close', () => (state.closed = true));
  socket.on('error', () => {});
  return { socket, state };
}

describe('event keys', () => {
  it('keep events apart that JavaScript numbers would merge: past 2^53, 1e999 and null', async () => {
    const receiver = await startReceiver();
    const dunning = (amountOpen: string) =>
      readFixture('fakturia/DUNNING_CREATED.json').replace(
        '"amountOpen": 100.0',
        `"amountOpen": ${amountOpen}`,
      );
    const answers = [];
    for (const amount of ['9007199254740992', '9007199254740993', 'null', '1e999']) {
      answers.push(await receiver.post('fakturia', dunning(amount)));
    }
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    expect(new Set(answers.map((a) => a.body.eventKey)).size).toBe(4);
    // The same text again is still the same event.
    expect(await receiver.post('fakturia', dunning('9007199254740993'))).toMatchObject({
      status: 200,
      body: { status: 'duplicate', eventKey: answers[1]!.body.eventKey },
    });

    const deletion = (id: string) =>
      `{"entityType":"CUSTOMER","callbackType":"DELETION","entityId":${id},"entity":null}`;
    const first = await receiver.post('plenigo', deletion('12345678901234567890'));
    const second = await receiver.post('plenigo', deletion('12345678901234567891'));
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.body.eventKey).not.toBe(second.body.eventKey);
  });
});

describe('hostile bodies', () => {
  it('are quarantined with a 4xx, never a 500: nesting past the limit, __proto__, constructor', async () => {
    const receiver = await startReceiver();
    const deep = `{"eventType":"TESTHOOK","triggerDate":"x","payload":{"dummyData":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    expect(await receiver.post('fakturia', deep)).toEqual({
      status: 422,
      body: {
        error: 'invalid_payload',
        details: [{ path: '/', message: 'nests deeper than 64 levels' }],
      },
    });
    const hostile = [
      '{"__proto__":{"eventType":"DUNNING_CREATED"},"eventType":"constructor","triggerDate":"x","payload":{}}',
      '{"eventType":"DUNNING_CREATED","triggerDate":"x","payload":{"__proto__":{"dunningLevel":1},"invoice":{"constructor":1}}}',
      '{"eventType":"toString","triggerDate":{"__proto__":null},"payload":{}}',
    ];
    for (const body of hostile) {
      const { status } = await receiver.post('fakturia', body);
      expect(status, body).toBeGreaterThanOrEqual(200);
      expect(status, body).toBeLessThan(500);
    }
    const plenigo = await receiver.post(
      'plenigo',
      '{"entityType":"__proto__","callbackType":"constructor","entityId":{"__proto__":1},"entity":{}}',
    );
    expect(plenigo.status).toBe(422);
    expect(errorLines(receiver.app.output())).toEqual([]);
  });

  it('that are not JSON get a position, never a quote of the body, in the answer and the logs', async () => {
    const receiver = await startReceiver();
    const iban = 'DE89370400440532013000';
    const answer = await receiver.post('fakturia', `{"eventType":"TESTHOOK","iban":"${iban}" x}`);
    expect(answer).toEqual({
      status: 400,
      body: {
        error: 'invalid_json',
        message: "The body is not valid JSON: expected ',' or '}' at position 56.",
      },
    });
    await eventually(() => /"status":400/.test(receiver.app.output()), 'the request is logged');
    expect(receiver.app.output()).not.toContain(iban);
  });
});

describe('slow and greedy clients', () => {
  it('are cut off: headers and body must arrive within their timeouts', async () => {
    const receiver = await startReceiver({
      RECEIVER_HEADERS_TIMEOUT_MS: '500',
      RECEIVER_REQUEST_TIMEOUT_MS: '1000',
    });
    // Headers that never end.
    const headers = rawConnection(receiver.port);
    headers.socket.write('POST /webhooks/fakturia HTTP/1.1\r\nHost: x\r\n');
    // A body that trickles in, one byte at a time.
    const body = rawConnection(receiver.port);
    body.socket.write(
      'POST /webhooks/fakturia HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    );
    const drip = setInterval(() => body.socket.write('{'), 100);
    try {
      await eventually(
        () => headers.state.closed,
        'a client that never finishes its headers is cut off',
      );
      await eventually(() => body.state.closed, 'a client that trickles its body is cut off');
    } finally {
      clearInterval(drip);
    }
    expect(body.state.received).toMatch(/^HTTP\/1\.1 408/);
    await eventually(
      () => receiver.app.output().includes('client went away before its body was complete'),
      'the cut-off upload is a debug line',
    );
    expect(errorLines(receiver.app.output())).toEqual([]);
  });

  it('find the connections capped; the next one is closed at once, and counted', async () => {
    const metricsPort = await freePort();
    const receiver = await startReceiver({
      RECEIVER_MAX_CONNECTIONS: '3',
      RECEIVER_METRICS_PORT: String(metricsPort),
    });
    const held = [1, 2, 3].map(() => rawConnection(receiver.port));
    for (const c of held) c.socket.write('GET /healthz HTTP/1.1\r\n');
    // Each of the three is being served: one more line of headers each keeps them open.
    const extra = rawConnection(receiver.port);
    await eventually(() => extra.state.closed, 'the fourth connection is closed');
    expect(held.map((c) => c.state.closed)).toEqual([false, false, false]);
    expect(extra.state.received).toBe('');
    for (const c of held) c.socket.destroy();
    await eventually(() => held.every((c) => c.state.closed), 'the held connections are closed');
    await eventually(
      () =>
        fetch(`${receiver.base}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      'the receiver serves again',
    );
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/campus_receiver_dropped_connections_total [1-9]/);
  });

  it('that abort an upload leave a debug line, not an error', async () => {
    const receiver = await startReceiver();
    const upload = rawConnection(receiver.port);
    // With Expect: 100-continue Node says "100 Continue" once the request reached the handler.
    upload.socket.write(
      'POST /webhooks/fakturia HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n',
    );
    await eventually(() => upload.state.received.includes('100 Continue'), 'the body is awaited');
    upload.socket.write('{"eventType":');
    upload.socket.destroy();
    await eventually(
      () => receiver.app.output().includes('client went away before its body was complete'),
      'the aborted upload is logged at debug level',
    );
    expect(errorLines(receiver.app.output())).toEqual([]);
  });
});

describe('in production mode', () => {
  it('the receiver refuses development values and weak secrets, naming each (exit 78)', async () => {
    const app = spawnApp('receiver', {
      REDIS_URL: redis.url,
      CAMPUS_MODE: 'production',
      RECEIVER_SOURCES: 'fakturia,plenigo,campus',
      FAKTURIA_WEBHOOK_TOKEN: SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN,
      PLENIGO_WEBHOOK_SECRET: 'x',
      CAMPUS_WEBHOOK_SECRET: 'whsec_AAAA',
      MAGIC_CODE_SECRET: 'a'.repeat(64),
    });
    running.push(app);
    expect(await app.exited).toBe(78);
    const output = app.output();
    expect(output).toContain('FAKTURIA_WEBHOOK_TOKEN is a development value');
    expect(output).toContain('PLENIGO_WEBHOOK_SECRETS entry 1 carries about 0 bytes of entropy');
    expect(output).toContain('CAMPUS_WEBHOOK_SECRET decodes to a 3-byte key');
    expect(output).toContain('MAGIC_CODE_SECRET is one character repeated');
    expect(output).not.toContain(SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN);
  });
});

describe('in sandbox mode', () => {
  it('the receiver listens on loopback only, unless RECEIVER_HOST opens it', async () => {
    const receiver = await startReceiver();
    expect(receiver.app.output()).toContain(
      `receiver listening on http://127.0.0.1:${receiver.port}`,
    );
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) {
      const refused = await fetch(`http://${external.address}:${receiver.port}/healthz`).then(
        () => false,
        () => true,
      );
      expect(refused).toBe(true);
    }
  });
});
