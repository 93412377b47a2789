import { describe, expect, it } from 'vitest';
import { readFixture } from '@campus/testing';
import { routeEvent, validateEvent, type Source } from './index.js';

const parse = (path: string) => JSON.parse(readFixture(path)) as Record<string, unknown>;
const validated = (source: Source, path: string, webhookId = 'msg_1') => {
  const result = validateEvent(source, parse(path), { webhookId });
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.details)}`);
  return result.event;
};

describe('validateEvent', () => {
  it('accepts every well-formed fixture and routes it as the design says', () => {
    const cases: [Source, string, string[]][] = [
      ['fakturia', 'fakturia/CUSTOMER_CREATED.json', ['order-to-customer']],
      ['fakturia', 'fakturia/ORDER_PROCESSED.json', ['order-to-customer']],
      ['fakturia', 'fakturia/INVOICE_CREATED.json', ['invoice-sync']],
      ['fakturia', 'fakturia/INVOICECORRECTION_CREATED.json', ['invoice-sync']],
      ['fakturia', 'fakturia/INVOICE_PAYMENT_RECEIVED.json', ['invoice-sync']],
      ['fakturia', 'fakturia/DUNNING_CREATED.json', ['dunning-mail']],
      ['fakturia', 'fakturia/CONTRACT_ACTIVATED.json', ['paypal-subscription']],
      ['fakturia', 'fakturia/TESTHOOK.json', []],
      ['plenigo', 'plenigo/customer-creation.json', ['order-to-customer']],
      ['plenigo', 'plenigo/customer-deletion.json', ['order-to-customer']],
      ['plenigo', 'plenigo/invoice-creation.json', ['invoice-sync']],
      ['plenigo', 'plenigo/failed-payment.json', ['dunning-mail']],
      ['plenigo', 'plenigo/subscription-change.json', []],
      ['paypal', 'paypal/PAYMENT.SALE.COMPLETED.json', ['invoice-sync']],
      ['paypal', 'paypal/PAYMENT.SALE.DENIED.json', ['dunning-mail']],
      ['paypal', 'paypal/BILLING.SUBSCRIPTION.PAYMENT.FAILED.json', ['dunning-mail']],
      ['campus', 'campus/form.b2b.angebot.submit.json', ['offer-mail', 'order-to-customer']],
      ['campus', 'campus/campus.angebot.angenommen.json', ['offer-mail']],
      ['campus', 'campus/form.ebook.kauf.submit.json', ['order-to-customer', 'invoice-sync']],
      ['campus', 'campus/form.login.magic_code.request.json', ['login-mail']],
      ['campus', 'campus/campus.zertifikat.ausstellen.json', ['certificate-mail']],
    ];
    for (const [source, path, queues] of cases) {
      expect(routeEvent(validated(source, path)), path).toEqual(queues);
    }
  });

  it('routes every CONTRACT_ACTIVATED to paypal-subscription, which reads the payment method of contract or customer', () => {
    for (const paymentMethod of ['SEPA_DEBIT', undefined]) {
      const body = parse('fakturia/CONTRACT_ACTIVATED.json');
      (body.payload as { contract: { paymentMethod?: string } }).contract.paymentMethod =
        paymentMethod;
      const result = validateEvent('fakturia', body);
      expect(result.ok && routeEvent(result.event), paymentMethod).toEqual(['paypal-subscription']);
    }
  });

  it('gives a Fakturia redelivery with a higher retryCount the same event key', () => {
    const first = validated('fakturia', 'fakturia/DUNNING_CREATED.json');
    const again = validated('fakturia', 'fakturia/DUNNING_CREATED-redelivery.json');
    expect(again.eventKey).toBe(first.eventKey);
    expect(again.senderRetryCount).toBe(2);
    expect(first.eventKey).not.toContain(':');
  });

  it('keys an event by its content, whatever the order of its fields', () => {
    const body = parse('fakturia/INVOICE_CREATED.json');
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const a = validateEvent('fakturia', body);
    const b = validateEvent('fakturia', reordered);
    expect(a.ok && b.ok && a.event.eventKey === b.event.eventKey).toBe(true);
  });

  it("reads Fakturia's payLoad spelling as payload", () => {
    const { payload, ...rest } = parse('fakturia/DUNNING_CREATED.json');
    const result = validateEvent('fakturia', { ...rest, payLoad: payload });
    expect(result.ok).toBe(true);
  });

  it('names the path of a missing Fakturia attribute', () => {
    const body = parse('fakturia/DUNNING_CREATED.json');
    delete (body.payload as Record<string, unknown>).dunningLevel;
    const result = validateEvent('fakturia', body);
    expect(result).toEqual({
      ok: false,
      details: [
        { path: '/payload/dunningLevel', message: "must have required property 'dunningLevel'" },
      ],
    });
  });

  it('names the path of a form field that breaks its schema', () => {
    const body = parse('campus/form.b2b.angebot.submit.json');
    (body.data as { ansprechpartner: { email: string } }).ansprechpartner.email = 'not-an-address';
    const result = validateEvent('campus', body, { webhookId: 'msg_2' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.details[0]?.path).toBe('/data/ansprechpartner/email');
  });

  it('accepts unknown event types of a known source without routing them', () => {
    const result = validateEvent('fakturia', {
      eventType: 'SOMETHING_NEW',
      triggerDate: '2024-01-01T00:00:00',
      retryCount: 0,
      payload: {},
    });
    expect(result.ok && result.event.known).toBe(false);
    expect(result.ok && routeEvent(result.event)).toEqual([]);
  });

  it('treats an event type named like an Object property as unknown, not as a crash', () => {
    const bodies: [Source, Record<string, unknown>][] = [
      ['fakturia', { eventType: 'constructor', triggerDate: '2024-01-01', payload: {} }],
      ['paypal', { id: 'WH-1', event_type: 'toString', resource: {} }],
      ['campus', { event: 'constructor', data: {} }],
    ];
    for (const [source, body] of bodies) {
      const result = validateEvent(source, body, { webhookId: 'msg_4' });
      expect(result.ok && result.event.known, source).toBe(false);
      expect(result.ok && routeEvent(result.event), source).toEqual([]);
    }
  });

  it('requires an entity for plenigo pairs that send one', () => {
    const result = validateEvent('plenigo', {
      entityType: 'INVOICE',
      callbackType: 'CREATION',
      entityId: '1',
      entity: null,
    });
    expect(result.ok).toBe(false);
  });

  it('refuses a PayPal sale in another currency than EUR', () => {
    const body = parse('paypal/PAYMENT.SALE.COMPLETED.json');
    (body.resource as { amount: { currency: string } }).amount.currency = 'USD';
    const result = validateEvent('paypal', body);
    expect(!result.ok && result.details[0]?.path).toBe('/resource/amount/currency');
  });

  it('refuses a body that is not an object', () => {
    expect(validateEvent('campus', [1, 2], { webhookId: 'msg_3' }).ok).toBe(false);
  });
});
