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
});
