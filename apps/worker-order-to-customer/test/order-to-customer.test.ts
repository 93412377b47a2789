import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '@campus/testing';
import { startHarness, type Harness } from './harness.js';
import {
  fakturiaCustomerEvent,
  plenigoCustomerEvent,
  plenigoInvoiceAddress,
  plenigoOrderEvent,
} from './fixtures.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => h.reset());
afterAll(() => h.close());

const completed = async (jobId: string) => expect((await h.settle(jobId)).state).toBe('completed');

describe('worker-order-to-customer', () => {
  it('files a new Fakturia customer as one ProSonata address and fills the directory', async () => {
    await h.start();
    await completed(await h.deliver('fakturia', readFixture('fakturia/CUSTOMER_CREATED.json')));

    const addresses = await h.addresses();
    expect(addresses).toHaveLength(1);
    expect(addresses[0]).toMatchObject({
      customerID: 1,
      companyStatus: 0,
      name1: 'Holger Tester',
      addressName: 'Holger Tester',
      street: 'Teststraße',
      streetNo: '1',
      postalCode: '12345',
      city: 'Testhausen',
      country: 'DE',
      invoiceEmail: 'mail@example.net',
      comments: 'campus:fakturia:K1234',
      addressActive: 1,
    });
    expect(await h.directory.get({ source: 'fakturia', id: 'K1234' })).toMatchObject({
      email: 'mail@example.net',
      salutation: 'MR',
      firstName: 'Holger',
      lastName: 'Tester',
      address: { street: 'Teststraße 1', zip: '12345', city: 'Testhausen', country: 'DE' },
      prosonataAddressId: addresses[0]!.addressID,
    });
  });

  it('updates the same address when the customer changes', async () => {
    await h.start();
    await completed(await h.deliver('fakturia', fakturiaCustomerEvent('CUSTOMER_CREATED')));
    const changed = fakturiaCustomerEvent(
      'CUSTOMER_CHANGED',
      { lastName: 'Muster', email: 'neu@example.net' },
      { addressLine1: 'Neuer Weg 7b', zipCode: '28195', cityName: 'Bremen' },
    );
    await completed(await h.deliver('fakturia', changed));

    const addresses = await h.addresses();
    expect(addresses).toHaveLength(1);
    expect(addresses[0]).toMatchObject({
      name1: 'Holger Muster',
      street: 'Neuer Weg',
      streetNo: '7b',
      postalCode: '28195',
      city: 'Bremen',
      invoiceEmail: 'neu@example.net',
      comments: 'campus:fakturia:K1234',
    });
    expect((await h.requests()).map((r) => r.method)).toEqual(['POST', 'PUT']);
    expect(await h.directory.get({ source: 'fakturia', id: 'K1234' })).toMatchObject({
      email: 'neu@example.net',
      lastName: 'Muster',
      address: { city: 'Bremen' },
    });
  });

  it('files the customer of a processed Fakturia order, company first', async () => {
    await h.start();
    await completed(await h.deliver('fakturia', readFixture('fakturia/ORDER_PROCESSED.json')));

    expect(await h.addresses()).toMatchObject([
      {
        companyStatus: 0,
        name1: 'Beispiel Consulting GmbH',
        name2: 'z. Hd. Anna Beispiel',
        street: 'Hauptstraße',
        streetNo: '5',
        postalCode: '80331',
        city: 'München',
        comments: 'campus:fakturia:K5001',
      },
    ]);
    expect(await h.directory.get({ source: 'fakturia', id: 'K5001' })).toMatchObject({
      email: 'anna.beispiel@example.org',
      companyName: 'Beispiel Consulting GmbH',
    });
  });

  it('remembers a plenigo customer without an address and files it with the first order that has one', async () => {
    await h.start();
    await completed(await h.deliver('plenigo', readFixture('plenigo/customer-creation.json')));
    expect(await h.addresses()).toEqual([]);
    expect(await h.directory.get({ source: 'plenigo', id: '29' })).toMatchObject({
      email: 'plenigo+callback@plenigo.com',
      firstName: 'Test',
    });

    await completed(await h.deliver('plenigo', plenigoOrderEvent('29', plenigoInvoiceAddress)));
    expect(await h.addresses()).toMatchObject([
      {
        name1: 'Test Kundin',
        street: 'Lindenstraße',
        streetNo: '3',
        postalCode: '10115',
        city: 'Berlin',
        invoiceEmail: 'plenigo+callback@plenigo.com',
        comments: 'campus:plenigo:29',
      },
    ]);
  });

  it('files a plenigo customer that has an address, and updates it on CUSTOMER/CHANGE', async () => {
    await h.start();
    const created = plenigoCustomerEvent(
      'CREATION',
      { invoiceAddress: plenigoInvoiceAddress },
      '41',
    );
    await completed(await h.deliver('plenigo', created));
    const changed = plenigoCustomerEvent(
      'CHANGE',
      {
        lastName: 'Neumann',
        invoiceAddress: { ...plenigoInvoiceAddress, city: 'Potsdam', postcode: '14467' },
      },
      '41',
    );
    await completed(await h.deliver('plenigo', changed));

    const addresses = await h.addresses();
    expect(addresses).toHaveLength(1);
    expect(addresses[0]).toMatchObject({
      name1: 'Test Neumann',
      city: 'Potsdam',
      postalCode: '14467',
      comments: 'campus:plenigo:41',
    });
    expect((await h.requests()).map((r) => r.method)).toEqual(['POST', 'PUT']);
  });

  it('files an Angebot request as a prospect: the company, for the attention of the contact', async () => {
    await h.start();
    const id = await h.deliver('campus', readFixture('campus/form.b2b.angebot.submit.json'), {
      webhookId: 'msg_angebot_1',
    });
    await completed(id);

    expect(await h.addresses()).toMatchObject([
      {
        customerID: 1,
        name1: 'Nordwind Logistik GmbH',
        name2: 'z. Hd. Jana Krüger',
        street: 'Speicherstraße',
        streetNo: '8',
        postalCode: '20457',
        city: 'Hamburg',
        taxID: 'DE811907980',
        companyEmail: 'jana.krueger@nordwind-logistik.example',
      },
    ]);
    // The sandbox takes the status from the customer group; what we asked for is in the request.
    const [post] = await h.requests();
    expect(post?.body).toMatchObject({ companyStatus: 2, customerID: 1 });
    expect(
      await h.directory.get({ source: 'campus', id: 'jana.krueger@nordwind-logistik.example' }),
    ).toMatchObject({
      companyName: 'Nordwind Logistik GmbH',
      firstName: 'Jana',
      lastName: 'Krüger',
    });
  });

  it('files an e-book buyer as a customer', async () => {
    await h.start();
    const id = await h.deliver('campus', readFixture('campus/form.ebook.kauf.submit.json'), {
      webhookId: 'msg_ebook_1',
    });
    await completed(id);

    expect(await h.addresses()).toMatchObject([
      {
        name1: 'Max Mustermann',
        addressName: 'Max Mustermann',
        street: 'Lindenallee',
        streetNo: '12',
        postalCode: '50667',
        city: 'Köln',
        country: 'DE',
        invoiceEmail: 'max.mustermann@example.com',
      },
    ]);
    const [post] = await h.requests();
    expect(post?.body).toMatchObject({ companyStatus: 0 });
    expect(
      await h.directory.get({ source: 'campus', id: 'max.mustermann@example.com' }),
    ).toMatchObject({ firstName: 'Max', address: { city: 'Köln' } });
  });

  it('deactivates the address of a deleted Fakturia customer and erases the directory entry', async () => {
    await h.start();
    await completed(await h.deliver('fakturia', fakturiaCustomerEvent('CUSTOMER_CREATED')));
    await completed(await h.deliver('fakturia', fakturiaCustomerEvent('CUSTOMER_DELETED')));

    expect(await h.addresses()).toMatchObject([{ name1: 'Holger Tester', addressActive: 0 }]);
    expect(await h.directory.get({ source: 'fakturia', id: 'K1234' })).toBeUndefined();
  });

  it('deactivates the address of a deleted plenigo customer and erases the directory entry', async () => {
    await h.start();
    const created = plenigoCustomerEvent(
      'CREATION',
      { invoiceAddress: plenigoInvoiceAddress },
      '33',
    );
    await completed(await h.deliver('plenigo', created));
    await completed(await h.deliver('plenigo', readFixture('plenigo/customer-deletion.json')));

    expect(await h.addresses()).toMatchObject([
      { comments: 'campus:plenigo:33', addressActive: 0 },
    ]);
    expect(await h.directory.get({ source: 'plenigo', id: '33' })).toBeUndefined();
  });

  it('creates exactly one address when the create timed out after ProSonata did the work', async () => {
    await h.start({ timeoutMs: 1_000 });
    await h.control('/fail', { count: 1, mode: 'timeout-after-work' });
    await completed(await h.deliver('fakturia', readFixture('fakturia/CUSTOMER_CREATED.json')));

    const addresses = await h.addresses();
    expect(addresses).toHaveLength(1);
    expect(
      (await h.requests()).map((r) => `${r.method} ${r.fault ?? r.status ?? ''}`.trim()),
    ).toEqual(['POST timeout-after-work', 'GET 200', 'PUT 200']);
    expect((await h.directory.get({ source: 'fakturia', id: 'K1234' }))?.prosonataAddressId).toBe(
      addresses[0]!.addressID,
    );
  });

  it('fails at once, with a reason an operator can act on, when the customer group does not exist', async () => {
    await h.start({ customerId: 42 });
    const result = await h.settle(
      await h.deliver('fakturia', readFixture('fakturia/CUSTOMER_CREATED.json'), { attempts: 5 }),
    );

    expect(result.state).toBe('failed');
    expect(result.failedReason).toContain('customerID 42 does not exist');
    expect(result.failedReason).toContain('PROSONATA_CUSTOMER_ID');
    expect((await h.requests()).filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(await h.addresses()).toEqual([]);
  });
  it('files one address when two events about the same new customer are worked on at once', async () => {
    await h.start({ concurrency: 5 });
    const ids = await Promise.all([
      h.deliver('fakturia', fakturiaCustomerEvent('CUSTOMER_CREATED')),
      h.deliver('fakturia', fakturiaCustomerEvent('CUSTOMER_CHANGED', { phone1: '0421 123' })),
    ]);
    for (const id of ids) await completed(id);

    expect(await h.addresses()).toHaveLength(1);
    expect((await h.requests()).map((r) => r.method).sort()).toEqual(['POST', 'PUT']);
  });

  it('fails at once when a Fakturia customer has no customer number', async () => {
    await h.start();
    const result = await h.settle(
      await h.deliver(
        'fakturia',
        fakturiaCustomerEvent('CUSTOMER_CREATED', { customerNumber: null }),
      ),
    );

    expect(result.state).toBe('failed');
    expect(result.failedReason).toContain('carries no customer.customerNumber');
    expect(await h.requests()).toEqual([]);
  });
});
