import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFixture, startTestRedis, type TestRedis } from '@campus/testing';
import { jobsIn, startReceiver, totalJobs, type ReceiverUnderTest } from './harness.js';

let redis: TestRedis;
let receiver: ReceiverUnderTest;

beforeAll(async () => {
  redis = await startTestRedis();
  receiver = await startReceiver(redis, { MAX_BODY_BYTES: '4096' });
});
afterAll(async () => {
  await receiver?.close();
  await redis?.close();
});
beforeEach(async () => {
  await receiver.inspect.flushall();
});

describe('bodies that cannot be processed', () => {
  it('keeps the malformed plenigo example in quarantine and answers 400', async () => {
    const body = readFixture('plenigo/app-store-subscription-creation.malformed.txt');
    const response = await receiver.post('plenigo', body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_json');
    expect(response.body.message).toMatch(/not valid JSON/);
    const [kept] = await jobsIn(receiver, 'quarantine');
    expect(kept!.data).toMatchObject({ source: 'plenigo', reason: 'invalid_json', rawBody: body });
    expect(kept!.data.details[0].message).toMatch(/not valid JSON/);
    expect(JSON.stringify(kept!.data.headers)).not.toContain('plenigo-signature');
  });

  it('keeps the same malformed body once, however often it is posted', async () => {
    const body = readFixture('plenigo/app-store-subscription-creation.malformed.txt');
    await receiver.post('plenigo', body);
    await receiver.post('plenigo', body);
    expect(await jobsIn(receiver, 'quarantine')).toHaveLength(1);
  });

  it('answers 422 naming the path of a schema violation, and keeps the payload', async () => {
    const event = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json'));
    event.payload.dunningLevel = 'zwei';
    const response = await receiver.post('fakturia', JSON.stringify(event));
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      error: 'invalid_payload',
      details: [{ path: '/payload/dunningLevel', message: 'must be number' }],
    });
    const [kept] = await jobsIn(receiver, 'quarantine');
    expect(kept!.data).toMatchObject({ reason: 'invalid_payload', details: response.body.details });
    expect(await jobsIn(receiver, 'dunning-mail')).toHaveLength(0);
  });

  it('answers 422 for a website form that breaks its schema', async () => {
    const event = JSON.parse(readFixture('campus/form.ebook.kauf.submit.json'));
    delete event.data.kaeufer.rechnungsadresse;
    const response = await receiver.post('campus', JSON.stringify(event));
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      {
        path: '/data/kaeufer/rechnungsadresse',
        message: "must have required property 'rechnungsadresse'",
      },
    ]);
  });

  it('answers 400 for a body that is not UTF-8, keeping its bytes', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const { senderHeaders, senderQuery } = await import('@campus/webhook-auth');
    const headers = senderHeaders('fakturia', '', receiver.credentials);
    const query = senderQuery('fakturia', receiver.credentials);
    const response = await fetch(`${receiver.url}/webhooks/fakturia${query}`, {
      method: 'POST',
      headers,
      body: bytes,
    });
    expect(response.status).toBe(400);
    const [kept] = await jobsIn(receiver, 'quarantine');
    expect(Buffer.from(kept!.data.rawBody.replace(/^base64:/, ''), 'base64')).toEqual(bytes);
  });

  it('does not quarantine what an unauthenticated sender posts', async () => {
    const response = await receiver.post('plenigo', '{not json', { sign: false });
    expect(response.status).toBe(401);
    expect(await totalJobs(receiver)).toBe(0);
  });
});

describe('requests refused before reading the body', () => {
  it('answers 413 for a body over the limit', async () => {
    const big = JSON.stringify({
      eventType: 'TESTHOOK',
      triggerDate: 'x',
      payload: { pad: 'x'.repeat(5000) },
    });
    const response = await receiver.post('fakturia', big);
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: 'payload_too_large' });
    expect(await totalJobs(receiver)).toBe(0);
  });

  it('answers 413 for a chunked body that grows past the limit', async () => {
    const { senderHeaders, senderQuery } = await import('@campus/webhook-auth');
    const chunks = (async function* () {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(1000, 0x20);
    })();
    const query = senderQuery('fakturia', receiver.credentials);
    const response = await fetch(`${receiver.url}/webhooks/fakturia${query}`, {
      method: 'POST',
      headers: senderHeaders('fakturia', '', receiver.credentials),
      body: chunks as unknown as string,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('answers 415 for a body that is not application/json', async () => {
    const response = await receiver.post('fakturia', readFixture('fakturia/TESTHOOK.json'), {
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ error: 'unsupported_media_type' });
  });

  it('accepts application/json with a UTF-8 charset', async () => {
    const response = await receiver.post('fakturia', readFixture('fakturia/TESTHOOK.json'), {
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });
    expect(response.status).toBe(202);
  });

  it('answers 404 for an unknown source and 405 for another method', async () => {
    expect((await receiver.post('stripe', '{}')).body).toEqual({ error: 'unknown_source' });
    const get = await fetch(`${receiver.url}/webhooks/fakturia`);
    expect(get.status).toBe(405);
  });
});

describe('a source switched off', () => {
  it('answers 404 as if it did not exist', async () => {
    const onlyFakturia = await startReceiver(redis, { RECEIVER_SOURCES: 'fakturia' });
    try {
      const response = await onlyFakturia.post(
        'plenigo',
        readFixture('plenigo/invoice-creation.json'),
      );
      expect(response.status).toBe(404);
    } finally {
      await onlyFakturia.close();
    }
  });
});
