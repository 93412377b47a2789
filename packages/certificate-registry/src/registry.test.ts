import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '@campus/testing';
import {
  createCertificateRegistry,
  normaliseNummer,
  randomNummer,
  type IssueRequest,
} from './index.js';

let server: TestRedis;
let redis: Redis;
beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis(server.url);
});
beforeEach(() => redis.flushall());
afterAll(async () => {
  redis.disconnect();
  await server.close();
});

const request: IssueRequest = {
  email: 'lukasz.zolc@example.com',
  teilnehmerName: 'Łukasz Żółć',
  kurs: 'Zertifikatskurs Projektmanagement',
  abschlussDatum: '2026-03-14',
  ausgestelltAm: '2026-03-20',
};

/** Every value under the test prefix, as text. */
async function dump(): Promise<string> {
  const values = [];
  for (const key of await redis.keys('zr:*')) {
    const type = await redis.type(key);
    values.push(
      type === 'hash'
        ? await redis.hgetall(key)
        : type === 'set'
          ? await redis.smembers(key)
          : await redis.get(key),
    );
  }
  return JSON.stringify(values);
}

/** Hands out the given candidates in turn. */
const candidates = (...numbers: string[]) => {
  let next = 0;
  return () => numbers[next++ % numbers.length]!;
};

describe('the certificate registry', () => {
  it('gives the same participant, course and date one number, whatever the spelling of the address', async () => {
    const registry = createCertificateRegistry(redis, 'zr');
    const first = await registry.issue(request);
    const again = await registry.issue({
      ...request,
      email: ' Lukasz.Zolc@Example.COM ',
      teilnehmerName: 'Lukasz Zolc',
      ausgestelltAm: '2026-04-01',
    });

    expect(first.created).toBe(true);
    expect(first.entry.nummer).toMatch(/^Z-2026-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(again).toEqual({ entry: first.entry, created: false });
    expect(again.entry).toMatchObject({
      teilnehmerName: 'Łukasz Żółć',
      ausgestelltAm: '2026-03-20',
    });
  });

  it('gives another course or another date a new number', async () => {
    const registry = createCertificateRegistry(redis, 'zr');
    const one = await registry.issue(request);
    const course = await registry.issue({ ...request, kurs: 'Agiles Arbeiten' });
    const date = await registry.issue({ ...request, abschlussDatum: '2027-01-10' });

    expect(new Set([one.entry.nummer, course.entry.nummer, date.entry.nummer]).size).toBe(3);
    expect(date.entry.nummer).toMatch(/^Z-2027-/);
  });

  it('detects a number already taken and reserves the next candidate instead of sharing it', async () => {
    const registry = createCertificateRegistry(redis, 'zr', {
      candidate: candidates('Z-2026-AAAAAA', 'Z-2026-AAAAAA', 'Z-2026-BBBBBB'),
    });
    const first = await registry.issue(request);
    const other = await registry.issue({ ...request, email: 'nguyen@example.com' });

    expect(first.entry.nummer).toBe('Z-2026-AAAAAA');
    expect(other.entry.nummer).toBe('Z-2026-BBBBBB');
    expect((await registry.issue(request)).entry.nummer).toBe('Z-2026-AAAAAA');
  });

  it('gives up with an operator message when every candidate is taken', async () => {
    const registry = createCertificateRegistry(redis, 'zr', {
      candidate: () => 'Z-2026-AAAAAA',
      maxCandidates: 3,
    });
    await registry.issue(request);
    await expect(registry.issue({ ...request, kurs: 'Anderer Kurs' })).rejects.toMatchObject({
      name: 'NummerExhaustedError',
      message: expect.stringContaining('3 candidate certificate numbers for 2026'),
    });
  });

  it('confirms a certificate only once its PDF is recorded, and keeps the hash once it was mailed', async () => {
    const registry = createCertificateRegistry(redis, 'zr');
    const { entry } = await registry.issue(request);
    expect(await registry.find(entry.nummer)).toBeUndefined();

    expect(await registry.recordPdf(entry.nummer, 'a'.repeat(64))).toBe('a'.repeat(64));
    await registry.markMailed(entry.nummer, '2026-03-20T10:00:00.000Z');
    expect(await registry.recordPdf(entry.nummer, 'b'.repeat(64))).toBe('a'.repeat(64));
    expect(await registry.find(entry.nummer)).toEqual({
      ...entry,
      sha256: 'a'.repeat(64),
      mailedAt: '2026-03-20T10:00:00.000Z',
    });
    expect(await redis.ttl(`zr:{zertifikat}:nummer:${entry.nummer}`)).toBe(-1);
  });

  it('erases a participant: no personal data stays, the number stays reserved', async () => {
    const registry = createCertificateRegistry(redis, 'zr', {
      candidate: candidates(
        'Z-2026-AAAAAA',
        'Z-2026-BBBBBB',
        'Z-2026-CCCCCC',
        'Z-2026-AAAAAA',
        'Z-2026-DDDDDD',
      ),
    });
    const { entry } = await registry.issue(request);
    await registry.issue({ ...request, kurs: 'Agiles Arbeiten' });
    await registry.recordPdf(entry.nummer, 'a'.repeat(64));
    const stranger = await registry.issue({
      ...request,
      email: 'someone@example.com',
      teilnehmerName: 'Nguyễn Thị Minh Khai',
      kurs: 'Agiles Arbeiten',
    });

    expect(await registry.eraseParticipant('LUKASZ.ZOLC@example.com', '2026-05-01')).toBe(2);
    expect(await registry.find(entry.nummer)).toBeUndefined();
    const stored = await dump();
    expect(stored).not.toContain('Łukasz');
    expect(stored).not.toContain('Projektmanagement');
    expect((await registry.issue({ ...request, kurs: 'Neu' })).entry.nummer).toBe('Z-2026-DDDDDD');
    expect(
      (await registry.issue({ ...request, email: 'someone@example.com', kurs: 'Agiles Arbeiten' }))
        .entry,
    ).toEqual(stranger.entry);
    expect(await registry.eraseParticipant('lukasz.zolc@example.com', '2026-05-02')).toBe(1);
  });
});

describe('certificate numbers', () => {
  it('are Z-<year>- and six letters of Crockford base 32', () => {
    for (let i = 0; i < 50; i++)
      expect(randomNummer('2026')).toMatch(/^Z-2026-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('read back as typed: lower case and look-alikes accepted, anything else refused', () => {
    expect(normaliseNummer(' z-2026-7k3moi ')).toBe('Z-2026-7K3M01');
    expect(normaliseNummer('Z-2026-7K3ML1')).toBe('Z-2026-7K3M11');
    expect(normaliseNummer('Z-2026-7K3MU1')).toBeUndefined();
    expect(normaliseNummer('Z-2026-7K3M')).toBeUndefined();
    expect(normaliseNummer('../../etc/passwd')).toBeUndefined();
  });
});
