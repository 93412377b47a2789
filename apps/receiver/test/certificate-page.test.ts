import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createCertificateRegistry,
  type CertificateRegistry,
  type IssueRequest,
} from '@campus/certificate-registry';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { startReceiver, type ReceiverUnderTest } from './harness.js';

let redis: TestRedis;
let receiver: ReceiverUnderTest;
let registry: CertificateRegistry;

beforeAll(async () => {
  redis = await startTestRedis();
  // Lookups come from the test through loopback, which the receiver trusts as a proxy here,
  // so each test can be its own client address (X-Forwarded-For).
  receiver = await startReceiver(redis, {
    RECEIVER_TRUSTED_PROXIES: 'loopback',
    CERTIFICATE_LOOKUPS_PER_MINUTE: '30',
  });
  registry = createCertificateRegistry(receiver.inspect, receiver.prefix);
});
afterAll(async () => {
  await receiver?.close();
  await redis?.close();
});
let client = 0;
let from: string;
beforeEach(() => {
  from = `198.51.100.${++client}`;
});

const SHA = 'ab'.repeat(32);
const participant: IssueRequest = {
  email: 'lukasz.zolc@example.com',
  teilnehmerName: 'Łukasz Żółć',
  kurs: 'Zarządzanie projektami <Grundlagen>',
  abschlussDatum: '2026-03-14',
  ausgestelltAm: '2026-03-20',
};

async function issued(request: IssueRequest = participant): Promise<string> {
  const { entry } = await registry.issue(request);
  await registry.recordPdf(entry.nummer, SHA);
  return entry.nummer;
}

function lookup(nummer: string, accept = 'text/html', client = from) {
  return fetch(`${receiver.url}/zertifikate/${encodeURIComponent(nummer)}`, {
    headers: { accept, 'x-forwarded-for': client },
  });
}

describe('GET /zertifikate/{nummer}', () => {
  it('confirms a certificate on a German page: name, course, dates, number and sha256, escaped', async () => {
    const nummer = await issued();
    const response = await lookup(nummer);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Dieses Zertifikat wurde von Campus ausgestellt und ist echt.');
    expect(html).toContain('Łukasz Żółć');
    expect(html).toContain('Zarządzanie projektami &lt;Grundlagen&gt;');
    expect(html).not.toContain('<Grundlagen>');
    expect(html).toContain('14.03.2026');
    expect(html).toContain('20.03.2026');
    expect(html).toContain(nummer);
    expect(html).toContain(SHA);
    expect(html).not.toContain('example.com');
    expect(html).not.toMatch(/<script/i);
  });

  it('sends the page with headers that allow nothing but its own style', async () => {
    const response = await lookup(await issued());
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers JSON for Accept: application/json', async () => {
    const nummer = await issued();
    const response = await lookup(nummer, 'application/json');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      gueltig: true,
      nummer,
      teilnehmerName: 'Łukasz Żółć',
      kurs: 'Zarządzanie projektami <Grundlagen>',
      abschlussDatum: '2026-03-14',
      ausgestelltAm: '2026-03-20',
      sha256: SHA,
    });
  });

  it('reads a number typed in lower case or with look-alike letters', async () => {
    const numbered = createCertificateRegistry(receiver.inspect, receiver.prefix, {
      candidate: () => 'Z-2026-10AB1Z',
    });
    const { entry } = await numbered.issue({ ...participant, email: 'typed@example.com' });
    await numbered.recordPdf(entry.nummer, SHA);
    const response = await lookup(' z-2026-loabiz', 'application/json');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { nummer: string }).nummer).toBe('Z-2026-10AB1Z');
  });

  it('answers 404 in German, or as JSON, for an unknown or malformed number', async () => {
    for (const nummer of ['Z-2026-AAAAAA', 'Z-2026', '<script>alert(1)</script>']) {
      const page = await lookup(nummer);
      expect(page.status).toBe(404);
      const html = await page.text();
      expect(html).toContain('Zertifikat nicht gefunden');
      expect(html).not.toContain('<script>alert');
      const json = await lookup(nummer, 'application/json');
      expect(json.status).toBe(404);
      expect(await json.json()).toEqual({
        error: 'not_found',
        message: 'Unter dieser Nummer ist kein Zertifikat von Campus verzeichnet.',
      });
    }
  });

  it('answers 404 for a certificate still being issued and for one erased', async () => {
    const { entry } = await registry.issue({ ...participant, kurs: 'Noch ohne PDF' });
    expect((await lookup(entry.nummer)).status).toBe(404);

    const nummer = await issued({ ...participant, email: 'erase.me@example.com' });
    expect((await lookup(nummer)).status).toBe(200);
    await registry.eraseParticipant('erase.me@example.com', '2026-05-01');
    expect((await lookup(nummer)).status).toBe(404);
  });

  it('answers 429 with Retry-After past 30 lookups a minute from one client, and not for another', async () => {
    const nummer = await issued();
    receiver.clock.now = Date.UTC(2026, 2, 20, 10, 0, 15);
    for (let n = 1; n <= 30; n++) expect((await lookup(nummer)).status).toBe(200);
    const refused = await lookup(nummer);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(await refused.text()).toContain('Bitte versuchen Sie es in 45 Sekunden erneut.');
    const json = await lookup(nummer, 'application/json');
    expect(json.status).toBe(429);
    expect(await json.json()).toEqual({ error: 'too_many_requests', retryAfterSeconds: 45 });

    expect((await lookup(nummer, 'text/html', '203.0.113.9')).status).toBe(200);
    receiver.clock.now += 45_000;
    expect((await lookup(nummer)).status).toBe(200);
  });
});
