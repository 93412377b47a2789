import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deriveMessageId } from '@campus/mailer';
import { readFixture } from '@campus/testing';
import { dunningBody, HOLGER, startWorld, type World } from './harness.js';
import { waitFor } from './poll.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.reset();
});
afterAll(async () => {
  await world.close();
});

describe('a Fakturia DUNNING_CREATED', () => {
  it('sends one Mahnung to the customer with invoice number, open amount and due date', async () => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const { rawLogs } = await world.startWorker();
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
    expect(rawLogs()).toContain('Mahnung sent');
    expect(rawLogs()).not.toContain('mail@example.net');
  });

  it('writes the last Mahnung (mahnung_3) for a dunningLevel above 3', async () => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await world.startWorker();
    const id = await world.queueRaw(
      'fakturia',
      dunningBody((p) => {
        p.dunningLevel = 5;
      }),
    );

    const { state, job } = await world.settled(id);
    expect(state).toBe('completed');
    expect(job.returnvalue).toMatchObject({ template: 'mahnung_3' });
    const mails = await world.mails();
    expect(mails.map((m) => m.subject)).toEqual(['Letzte Mahnung zur Rechnung RE-2024-000042']);
    expect(mails[0]!.text).toContain('Dies ist unsere letzte Mahnung.');
  });

  it('sends nothing for an invoice the ledger records as paid', async () => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await world.ledger.markPaid('RE-2024-000042', {
      paidAt: '2024-05-20',
      amount: 100,
      source: 'paypal',
    });
    const { rawLogs } = await world.startWorker();
    const accepted = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json');

    const { state, job } = await world.settled(accepted.eventKey);
    expect(state).toBe('completed');
    expect(job.returnvalue).toEqual({ skipped: 'invoice_paid' });
    expect(await world.mails()).toEqual([]);
    expect(rawLogs()).toContain('invoice already paid: no Mahnung sent');
  });

  it('sends nothing when Fakturia reports nothing open on the invoice', async () => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await world.startWorker();
    const id = await world.queueRaw(
      'fakturia',
      dunningBody((p) => {
        (p.invoice as Record<string, unknown>).amountOpen = 0;
      }),
    );

    const { state, job } = await world.settled(id);
    expect(state).toBe('completed');
    expect(job.returnvalue).toEqual({ skipped: 'nothing_open' });
    expect(await world.mails()).toEqual([]);
  });

  it('retries while the customer is not in the directory and sends once the customer is written', async () => {
    const { logs } = await world.startWorker();
    const id = await world.queueRaw('fakturia', readFixture('fakturia/DUNNING_CREATED.json'), {
      attempts: 50,
      delayMs: 200,
    });

    const waiting = await waitFor('two failed attempts', async () => {
      const job = await world.queue.getJob(id);
      return job !== undefined && job.attemptsMade >= 2 ? job : undefined;
    });
    expect(waiting.failedReason).toBe(
      'Customer K1234 is not in the customer directory yet; retrying until order-to-customer has processed ' +
        'its Fakturia CUSTOMER_CREATED event. If that never arrives, look for it in the quarantine or ask the sender to deliver it again',
    );
    expect(await world.mails()).toEqual([]);

    // What order-to-customer writes when Fakturia's CUSTOMER_CREATED arrives.
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    const { state } = await world.settled(id);
    expect(state).toBe('completed');
    const mails = await world.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelope.to).toEqual(['mail@example.net']);

    const retries = logs
      .filter((l) => l.msg === 'job attempt failed: will retry')
      .map((l) => l.retryCount);
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries).toEqual(retries.map((_, i) => i));
    const done = logs.find((l) => l.msg === 'job done');
    expect(done?.retryCount).toBe(retries.length);
  });

  it('sends to the address on the invoice when it carries one, known customer or not', async () => {
    await world.startWorker();
    const id = await world.queueRaw(
      'fakturia',
      dunningBody((p) => {
        (p.invoice as Record<string, unknown>).email = 'buchhaltung@example.org';
      }),
    );

    expect((await world.settled(id)).state).toBe('completed');
    const mails = await world.mails();
    expect(mails.map((m) => m.envelope.to)).toEqual([['buchhaltung@example.org']]);
    expect(mails[0]!.text).toContain('Sehr geehrte Damen und Herren,');
  });

  it('fails for good, naming the customer, when the known customer has no e-mail address', async () => {
    await world.directory.upsert(HOLGER.ref, { firstName: 'Holger', lastName: 'Tester' });
    await world.startWorker();
    const id = await world.queueRaw('fakturia', readFixture('fakturia/DUNNING_CREATED.json'), {
      attempts: 5,
      delayMs: 100,
    });

    const { state, job } = await world.settled(id);
    expect(state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(
      /^CustomerWithoutEmailError: customer K1234 has no e-mail address in the directory/,
    );
    expect(await world.mails()).toEqual([]);
  });

  it.each([
    ['invoiceNumber', 'payload.invoice.invoiceNumber'],
    ['amounts', 'payload.invoice.amountOpen or amountGross'],
    ['dueDate', 'payload.invoice.dueDate'],
  ])('fails for good, naming the field, when the invoice lacks its %s', async (missing, field) => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await world.startWorker();
    const body = dunningBody((p) => {
      const invoice = p.invoice as Record<string, unknown>;
      if (missing === 'amounts') {
        delete invoice.amountOpen;
        delete invoice.amountGross;
      } else {
        delete invoice[missing];
      }
    });
    const id = await world.queueRaw('fakturia', body, { attempts: 5, delayMs: 100 });

    const { state, job } = await world.settled(id);
    expect(state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain(`MissingFieldError: DUNNING_CREATED`);
    expect(job.failedReason).toContain(`has no usable ${field}`);
    expect(await world.mails()).toEqual([]);
  });

  it('sends no second letter when Fakturia delivers the same event again', async () => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await world.startWorker();
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

  it('fails an invalid job with a readable reason and goes on working', async () => {
    await world.directory.upsert(HOLGER.ref, HOLGER.record);
    await world.startWorker();
    const broken = await world.queueRaw(
      'fakturia',
      '{"eventType":"DUNNING_CREATED","triggerDate":"2024-05-22T07:00:03","payload":{"dunningLevel":1}}',
      { attempts: 5, delayMs: 100 },
    );

    const failed = await world.settled(broken);
    expect(failed.state).toBe('failed');
    expect(failed.job.attemptsMade).toBe(1);
    expect(failed.job.failedReason).toBe(
      "Invalid DUNNING_CREATED event: /payload/invoice must have required property 'invoice'",
    );

    const good = await world.deliver('fakturia', 'fakturia/DUNNING_CREATED.json');
    expect((await world.settled(good.eventKey)).state).toBe('completed');
    expect(await world.mails()).toHaveLength(1);
  });
});
