import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAccessLogger, createLogger } from './index.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('never writes secrets, signatures, bodies or personal data', () => {
    const { lines, stream } = capture();
    const log = createLogger({ name: 'test' }, stream);
    log.child({ requestId: 'r1' }).info(
      {
        headers: { authorization: 'Bearer s3cr3t', 'plenigo-signature': 't=1,s=abc' },
        rawBody: '{"email":"max@example.com"}',
        customer: {
          email: 'max@example.com',
          IBAN: 'DE02120300000000202051',
          lastName: 'Mustermann',
        },
        eventKey: 'fakturia.abc',
      },
      'received',
    );
    const line = lines.join('');
    expect(line).toContain('fakturia.abc');
    expect(line).toContain('"requestId":"r1"');
    for (const secret of [
      's3cr3t',
      't=1,s=abc',
      'max@example.com',
      'DE02120300000000202051',
      'Mustermann',
    ]) {
      expect(line).not.toContain(secret);
    }
  });
});

describe('createAccessLogger', () => {
  it('writes the fixed fields of an access line', () => {
    const { lines, stream } = capture();
    createAccessLogger(createLogger({ name: 'test' }), stream).info(
      { status: 202, eventKey: 'k1' },
      'webhook',
    );
    expect(lines.join('')).toContain('"status":202');
    expect(lines.join('')).toContain('"eventKey":"k1"');
  });

  it("writes where the logger writes when that is not stdout (a test's capture)", () => {
    const { lines, stream } = capture();
    createAccessLogger(createLogger({ name: 'test' }, stream)).info({ ms: 3 }, 'job done');
    expect(lines.join('')).toContain('"msg":"job done"');
    expect(lines.join('')).toContain('"app":"test"');
  });

  it('on stdout, buffers lines but lets them out on a timer, and all of them at exit', async () => {
    // A process of its own: the buffered stdout is one per process.
    const script = `
      import { createAccessLogger, createLogger } from './packages/logger/src/index.ts';
      const access = createAccessLogger(createLogger({ name: 'child' }));
      access.info({ n: 1 }, 'first');
      setTimeout(() => { access.info({ n: 2 }, 'last'); process.exit(0); }, 1500);
    `;
    const child = spawn(
      process.execPath,
      ['--conditions=@campus/source', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: new URL('../../../', import.meta.url), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const seen: { msg: string; at: number }[] = [];
    const started = Date.now();
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines)
        seen.push({ msg: (JSON.parse(line) as { msg: string }).msg, at: Date.now() - started });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(seen.map((l) => l.msg)).toEqual(['first', 'last']);
    // "first" left on the timer, long before the process logged "last" and exited.
    expect(seen[0]!.at).toBeLessThan(seen[1]!.at - 500);
  });
});
