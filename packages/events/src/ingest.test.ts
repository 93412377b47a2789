import { describe, expect, it } from 'vitest';
import { readFixture } from '@campus/testing';
import { fakturiaEventKey, ingest, type IngestMeta } from './index.js';

const meta = (headers: Record<string, string> = {}): IngestMeta => ({
  receivedAt: '2024-05-22T07:00:04.000Z',
  headers: { 'content-type': 'application/json', ...headers },
});

describe('ingest', () => {
  it('says invalid_json, with what is wrong where, for a body that is not JSON', () => {
    const text = readFixture('plenigo/app-store-subscription-creation.malformed.txt');
    const result = ingest('plenigo', text, meta());
    expect(result.outcome).toBe('invalid_json');
    if (result.outcome !== 'invalid_json') return;
    expect(result.message).toBe(`The body is not valid JSON: ${result.parseError}.`);
    expect(result.parseError).toMatch(/ at position \d+$/);
    expect(result.details).toEqual([{ path: '/', message: result.message }]);
  });

  it('never quotes the body in what it says about a parse error', () => {
    const result = ingest('fakturia', '{"iban":"DE89370400440532013000"x}', meta());
    expect(result).toMatchObject({
      outcome: 'invalid_json',
      parseError: "expected ',' or '}' at position 32",
    });
    expect(JSON.stringify(result)).not.toContain('DE89');
  });

  it('refuses nesting past the limit, and a body that breaks validation, as invalid payloads', () => {
    const deep = `{"eventType":"TESTHOOK","triggerDate":"x","payload":{"dummyData":${'['.repeat(65)}${']'.repeat(65)}}}`;
    expect(ingest('fakturia', deep, meta())).toEqual({
      outcome: 'invalid_payload',
      details: [{ path: '/', message: 'nests deeper than 64 levels' }],
    });
    const proto =
      '{"eventType":"DUNNING_CREATED","triggerDate":"x","payload":{"__proto__":{"dunningLevel":1},"invoice":{}}}';
    expect(ingest('fakturia', proto, meta()).outcome).toBe('invalid_payload');
  });

  it('keys Fakturia and plenigo events from the numbers as sent, not as JavaScript reads them', () => {
    const fakturia = (amount: string) =>
      `{"eventType":"INVOICE_PAYMENT_RECEIVED","triggerDate":"2024-05-22","payload":{"invoice":{"invoiceNumber":"R1"},"payDate":"2024-05-22","payAmount":${amount}}}`;
    const keys = ['9007199254740992', '9007199254740993', '1e999', 'null', '1.0', '1'].map(
      (amount) => {
        const result = ingest('fakturia', fakturia(amount), meta());
        return result.outcome === 'routed' ? result.eventKey : result.outcome;
      },
    );
    expect(new Set(keys).size).toBe(6);
    const plenigo = (id: string) =>
      `{"entityType":"CUSTOMER","callbackType":"DELETION","entityId":${id},"entity":null}`;
    const ids = ['12345678901234567890', '12345678901234567891'].map((id) => {
      const result = ingest('plenigo', plenigo(id), meta());
      return result.outcome === 'routed' ? result.eventKey : result.outcome;
    });
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('gives an event the same key however it is written, whether its numbers need the text or not', () => {
    const keyOf = (text: string) => {
      const result = ingest('fakturia', text, meta());
      return result.outcome === 'routed' ? result.eventKey : result.outcome;
    };
    // 84.03 reads back as written: the key is made from the parsed body.
    const plain = (amount: string) =>
      `{"eventType":"INVOICE_CREATED","triggerDate":"2024-05-22","payload":{"invoice":{"invoiceNumber":"R1","amountGross":${amount},"items":[{"taxRate":19}]}}}`;
    const reordered = (amount: string) =>
      `{ "payload": { "invoice": { "items": [ { "taxRate": 19 } ], "amountGross": ${amount}, "invoiceNumber": "R1" } },\n "triggerDate": "2024-05-22", "eventType": "INVOICE_CREATED" }`;
    expect(keyOf(plain('84.03'))).toBe(keyOf(reordered('84.03')));
    // 84.030 does not: the key is made from the text, and still ignores order and spacing.
    expect(keyOf(plain('84.030'))).toBe(keyOf(reordered('84.030')));
    expect(keyOf(plain('84.030'))).not.toBe(keyOf(plain('84.03')));
    // Both ways give the key the text alone gives.
    expect(keyOf(plain('84.03'))).toBe(
      fakturiaEventKey('INVOICE_CREATED', '2024-05-22', {
        invoice: { invoiceNumber: 'R1', amountGross: 84.03, items: [{ taxRate: 19 }] },
      }),
    );
  });

  it("takes a queued job's key as it is instead of deriving it again", () => {
    const text = readFixture('fakturia/DUNNING_CREATED-redelivery.json');
    const derived = ingest('fakturia', text, meta());
    const known = ingest('fakturia', text, { ...meta(), eventKey: 'fakturia.known' });
    expect(derived.outcome === 'routed' && derived.eventKey).toMatch(/^fakturia\.[0-9a-f]{64}$/);
    expect(known.outcome === 'routed' && known.eventKey).toBe('fakturia.known');
  });

  it('says invalid_payload, naming each path, for JSON that breaks the catalog', () => {
    const body = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json'));
    delete body.payload.dunningLevel;
    expect(ingest('fakturia', JSON.stringify(body), meta())).toEqual({
      outcome: 'invalid_payload',
      details: [
        { path: '/payload/dunningLevel', message: "must have required property 'dunningLevel'" },
      ],
    });
    expect(ingest('campus', '[1,2]', meta({ 'webhook-id': 'msg_1' })).outcome).toBe(
      'invalid_payload',
    );
  });

  it("reads the website's webhook-id from the kept headers", () => {
    const text = readFixture('campus/form.login.magic_code.request.json');
    expect(ingest('campus', text, meta()).outcome).toBe('invalid_payload');
    const result = ingest('campus', text, meta({ 'webhook-id': 'msg_7' }));
    expect(result.outcome === 'routed' && result.eventKey).toBe('campus.msg_7');
  });

  it('says synchronous for a magic-code verification, and routes it nowhere', () => {
    const text = readFixture('campus/form.login.magic_code.verify.json');
    const result = ingest('campus', text, meta({ 'webhook-id': 'msg_2' }));
    expect(result.outcome).toBe('synchronous');
    expect(result.outcome === 'synchronous' && result.event.eventType).toBe(
      'form.login.magic_code.verify',
    );
  });

  it('routes a valid event, with its key, its queues and the job to add', () => {
    const text = readFixture('fakturia/DUNNING_CREATED-redelivery.json');
    const result = ingest('fakturia', text, meta({ 'user-agent': 'Fakturia' }));
    if (result.outcome !== 'routed') throw new Error(`not routed: ${result.outcome}`);
    expect(result.eventKey).toMatch(/^fakturia\.[0-9a-f]{64}$/);
    expect(result.queues).toEqual(['dunning-mail']);
    expect(result.event.eventType).toBe('DUNNING_CREATED');
    expect(result.job).toEqual({
      source: 'fakturia',
      eventType: 'DUNNING_CREATED',
      eventKey: result.eventKey,
      rawBody: text,
      receivedAt: '2024-05-22T07:00:04.000Z',
      headers: { 'content-type': 'application/json', 'user-agent': 'Fakturia' },
      senderRetryCount: 2,
    });
  });

  it('routes an event no queue wants to no queue, keeping its key', () => {
    const result = ingest('fakturia', readFixture('fakturia/TESTHOOK.json'), meta());
    expect(result.outcome).toBe('routed');
    expect(result.outcome === 'routed' && result.queues).toEqual([]);
    expect(result.outcome === 'routed' && result.eventKey).toMatch(/^fakturia\./);
  });
});
