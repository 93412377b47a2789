import { describe, expect } from 'vitest';
import { deriveMessageId } from '@campus/mailer';
import { dunningBody, HOLGER, test, upstreamRequests } from './world.js';

describe('a Fakturia DUNNING_CREATED', () => {
  test('sends one Mahnung to the customer with invoice number, open amount and due date', async ({
    world,
    worker,
  }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const accepted = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json');
    expect(accepted.status).toBe('accepted');

    const { state } = await world.settled(accepted.eventKey);
    expect(state).toBe('completed');
    const mails = await world.mails();
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.envelope.to).toEqual(['mail@example.net']);
    expect(mail.subject).toBe('Zahlungserinnerung zur Rechnung RE-2024-000042');
    expect(mail.text).toContain('Guten Tag Holger Tester,');
    expect(mail.text).toContain('RE-2024-000042');
    expect(mail.text).toContain('100,00 €');
    expect(mail.text).toContain('15.05.2024');
    // Deterministic: a resend of this letter would carry the same Message-ID.
    expect(mail.messageId).toBe(
      deriveMessageId(`${accepted.eventKey}/mahnung_1`, world.config.mail.from),
    );
    expect(worker.rawLogs()).toContain('Mahnung sent');
    expect(worker.rawLogs()).not.toContain('mail@example.net');
  });

  test('writes the last Mahnung (mahnung_3) for a dunningLevel above 3', async ({ world }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const { eventKey } = await world.deliver(
      'fakturia',
      dunningBody((p) => {
        p.dunningLevel = 5;
      }),
    );

    const { state, returnvalue } = await world.settled(eventKey);
    expect(state).toBe('completed');
    expect(returnvalue).toMatchObject({ template: 'mahnung_3' });
    const mails = await world.mails();
    expect(mails.map((m) => m.subject)).toEqual(['Letzte Mahnung zur Rechnung RE-2024-000042']);
    expect(mails[0]!.text).toContain('Dies ist unsere letzte Mahnung.');
  });

  test('sends nothing for an invoice the ledger records as paid', async ({ world, worker }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await world.ledger.markPaid('RE-2024-000042', {
      paidAt: '2024-05-20',
      amount: 100,
      source: 'paypal',
    });
    const accepted = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json');

    const { state, returnvalue } = await world.settled(accepted.eventKey);
    expect(state).toBe('completed');
    expect(returnvalue).toEqual({ skipped: 'invoice_paid' });
    expect(await world.mails()).toEqual([]);
    expect(worker.rawLogs()).toContain('invoice already paid: no Mahnung sent');
  });

  test('sends nothing when Fakturia reports nothing open on the invoice', async ({ world }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const { eventKey } = await world.deliver(
      'fakturia',
      dunningBody((p) => {
        (p.invoice as Record<string, unknown>).amountOpen = 0;
      }),
    );

    const { state, returnvalue } = await world.settled(eventKey);
    expect(state).toBe('completed');
    expect(returnvalue).toEqual({ skipped: 'nothing_open' });
    expect(await world.mails()).toEqual([]);
  });

  test('fetches a customer the directory lacks from Fakturia, fills the directory and sends', async ({
    world,
    worker,
  }) => {
    await world.control('POST', '/fakturia/customers', {
      customers: [{ customerNumber: 'K1234', ...HOLGER.record, paymentMethod: 'BANKTRANSFER' }],
    });
    const { eventKey } = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json');

    expect((await world.settled(eventKey)).state).toBe('completed');
    expect(await upstreamRequests(world, 'fakturia')).toEqual([
      'GET /fakturia/api/v1/Customers/K1234',
    ]);
    expect((await world.mails()).map((m) => m.envelope.to)).toEqual([['mail@example.net']]);
    expect(await world.directory.get(HOLGER.ref)).toMatchObject({
      ...HOLGER.record,
      paymentMethod: 'BANKTRANSFER',
    });
    const fetched = worker.logs.find((l) => l.msg === 'customer fetched from Fakturia');
    expect(fetched).toMatchObject({ customerNumber: 'K1234', from: 'fakturia' });
    expect(worker.rawLogs()).not.toContain('mail@example.net');
  });

  test('retries while Fakturia cannot answer, and sends once it does', async ({
    world,
    worker,
  }) => {
    await world.control('POST', '/fakturia/customers', {
      customers: [{ customerNumber: 'K1234', ...HOLGER.record }],
    });
    await world.control('POST', '/fakturia/fail', { count: 2 });
    const { eventKey } = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json', {
      retries: { attempts: 5, backoffMs: 100 },
    });

    expect((await world.settled(eventKey)).state).toBe('completed');
    expect((await world.mails()).map((m) => m.envelope.to)).toEqual([['mail@example.net']]);
    const retries = worker.logs
      .filter((l) => l.msg === 'job attempt failed: will retry')
      .map((l) => l.retryCount);
    expect(retries).toEqual([0, 1]);
    expect(worker.logs.find((l) => l.msg === 'job done')?.retryCount).toBe(2);
  });

  test('fails at once, saying what to check, when Fakturia does not know the customer either', async ({
    world,
  }) => {
    const { eventKey } = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json', {
      retries: { attempts: 5, backoffMs: 100 },
    });

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe(
      'CustomerUnknownAtFakturiaError: Customer K1234 is not in the customer directory and Fakturia does not know it either ' +
        '(GET /api/v1/Customers/K1234 answered 404), so the Mahnung for invoice RE-2024-000042 cannot be done. ' +
        'Check the customer number in the event and that FAKTURIA_API_URL and FAKTURIA_API_KEY belong to the ' +
        'Fakturia project the customer is filed under; retry the job once Fakturia knows the customer',
    );
    expect(await world.mails()).toEqual([]);
  });

  test('sends to the address on the invoice when it carries one, known customer or not', async ({
    world,
  }) => {
    const { eventKey } = await world.deliver(
      'fakturia',
      dunningBody((p) => {
        (p.invoice as Record<string, unknown>).email = 'buchhaltung@example.org';
      }),
    );

    expect((await world.settled(eventKey)).state).toBe('completed');
    const mails = await world.mails();
    expect(mails.map((m) => m.envelope.to)).toEqual([['buchhaltung@example.org']]);
    expect(mails[0]!.text).toContain('Sehr geehrte Damen und Herren,');
  });

  test('fails for good, naming the customer, when the known customer has no e-mail address', async ({
    world,
  }) => {
    await world.directory.upsert(HOLGER.ref, { firstName: 'Holger', lastName: 'Tester' });
    const { eventKey } = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json', {
      retries: { attempts: 5, backoffMs: 100 },
    });

    const { state, attemptsMade, failedReason } = await world.settled(eventKey);
    expect(state).toBe('failed');
    expect(attemptsMade).toBe(1);
    expect(failedReason).toMatch(
      /^CustomerWithoutEmailError: customer K1234 has no e-mail address in the directory/,
    );
    expect(await world.mails()).toEqual([]);
  });

  test.for([
    ['invoiceNumber', 'payload.invoice.invoiceNumber'],
    ['amounts', 'payload.invoice.amountOpen or amountGross'],
    ['dueDate', 'payload.invoice.dueDate'],
  ])(
    'fails for good, naming the field, when the invoice lacks its %s',
    async ([missing, field], { world }) => {
      await world.directory.upsert(HOLGER.ref, HOLGER.record);
      const body = dunningBody((p) => {
        const invoice = p.invoice as Record<string, unknown>;
        if (missing === 'amounts') {
          delete invoice.amountOpen;
          delete invoice.amountGross;
        } else {
          delete invoice[missing!];
        }
      });
      const { eventKey } = await world.deliver('fakturia', body, {
        retries: { attempts: 5, backoffMs: 100 },
      });

      const { state, attemptsMade, failedReason } = await world.settled(eventKey);
      expect(state).toBe('failed');
      expect(attemptsMade).toBe(1);
      expect(failedReason).toContain(`MissingFieldError: DUNNING_CREATED`);
      expect(failedReason).toContain(`has no usable ${field}`);
      expect(await world.mails()).toEqual([]);
    },
  );

  test('sends no second letter when Fakturia delivers the same event again', async ({ world }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const first = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json');
    expect((await world.settled(first.eventKey)).state).toBe('completed');

    const again = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED-redelivery.json');
    expect(again).toEqual({ status: 'duplicate', eventKey: first.eventKey });
    const job = await world.queue.getJob(first.eventKey);
    expect(job?.attemptsMade).toBe(1);
    expect(await world.queue.getJobCounts('wait', 'active', 'delayed')).toEqual({
      wait: 0,
      active: 0,
      delayed: 0,
    });
    expect(await world.mails()).toHaveLength(1);
  });

  test('fails an invalid job with a readable reason and goes on working', async ({ world }) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const broken = await world.queueInvalid(
      'fakturia',
      'DUNNING_CREATED',
      '{"eventType":"DUNNING_CREATED","triggerDate":"2024-05-22T07:00:03","payload":{"dunningLevel":1}}',
      { retries: { attempts: 5, backoffMs: 100 } },
    );

    const failed = await world.settled(broken);
    expect(failed.state).toBe('failed');
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toBe(
      "Invalid DUNNING_CREATED event: /payload/invoice must have required property 'invoice'",
    );

    const good = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json');
    expect((await world.settled(good.eventKey)).state).toBe('completed');
    expect(await world.mails()).toHaveLength(1);
  });
});
