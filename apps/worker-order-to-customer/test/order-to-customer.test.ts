import { describe, expect } from 'vitest';
import type { Source } from '@campus/events';
import { readFixture } from '@campus/testing';
import type { DeliveryOptions, WorkerWorld } from '@campus/worker-testing';
import { prosonataAddresses, prosonataRequests, test } from './world.js';
import {
  fakturiaCustomerEvent,
  plenigoCustomerEvent,
  plenigoInvoiceAddress,
  plenigoOrderEvent,
} from './fixtures.js';

/** Delivers a body as the sender would and returns its job id. */
const deliver = async (
  world: WorkerWorld,
  source: Source,
  body: string,
  options?: DeliveryOptions,
) => (await world.deliver(source, body, options)).eventKey;

/** Delivers a body and expects its job to complete. */
const completed = async (world: WorkerWorld, source: Source, body: string) =>
  expect((await world.settled(await deliver(world, source, body))).state).toBe('completed');

describe('worker-order-to-customer', () => {
  test('files a new Fakturia customer as one ProSonata address and fills the directory', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    await completed(world, 'fakturia', readFixture('fakturia/CUSTOMER_CREATED.json'));

    const addresses = await prosonataAddresses(world);
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
    expect(await world.directory.get({ source: 'fakturia', id: 'K1234' })).toMatchObject({
      email: 'mail@example.net',
      salutation: 'MR',
      firstName: 'Holger',
      lastName: 'Tester',
      address: { street: 'Teststraße 1', zip: '12345', city: 'Testhausen', country: 'DE' },
      prosonataAddressId: addresses[0]!.addressID,
    });
  });

  test('updates the same address when the customer changes', async ({ world, startWorker }) => {
    await startWorker();
    await completed(world, 'fakturia', fakturiaCustomerEvent('CUSTOMER_CREATED'));
    const changed = fakturiaCustomerEvent(
      'CUSTOMER_CHANGED',
      { lastName: 'Muster', email: 'neu@example.net' },
      { addressLine1: 'Neuer Weg 7b', zipCode: '28195', cityName: 'Bremen' },
    );
    await completed(world, 'fakturia', changed);

    const addresses = await prosonataAddresses(world);
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
    expect((await prosonataRequests(world)).map((r) => r.method)).toEqual(['POST', 'PUT']);
    expect(await world.directory.get({ source: 'fakturia', id: 'K1234' })).toMatchObject({
      email: 'neu@example.net',
      lastName: 'Muster',
      address: { city: 'Bremen' },
    });
  });

  test('files the customer of a processed Fakturia order, company first', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    await completed(world, 'fakturia', readFixture('fakturia/ORDER_PROCESSED.json'));

    expect(await prosonataAddresses(world)).toMatchObject([
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
    expect(await world.directory.get({ source: 'fakturia', id: 'K5001' })).toMatchObject({
      email: 'anna.beispiel@example.org',
      companyName: 'Beispiel Consulting GmbH',
    });
  });

  test('remembers a plenigo customer without an address and files it with the first order that has one', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    await completed(world, 'plenigo', readFixture('plenigo/customer-creation.json'));
    expect(await prosonataAddresses(world)).toEqual([]);
    expect(await world.directory.get({ source: 'plenigo', id: '29' })).toMatchObject({
      email: 'plenigo+callback@plenigo.com',
      firstName: 'Test',
    });

    await completed(world, 'plenigo', plenigoOrderEvent('29', plenigoInvoiceAddress));
    expect(await prosonataAddresses(world)).toMatchObject([
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

  test('files a plenigo customer that has an address, and updates it on CUSTOMER/CHANGE', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    const created = plenigoCustomerEvent(
      'CREATION',
      { invoiceAddress: plenigoInvoiceAddress },
      '41',
    );
    await completed(world, 'plenigo', created);
    const changed = plenigoCustomerEvent(
      'CHANGE',
      {
        lastName: 'Neumann',
        invoiceAddress: { ...plenigoInvoiceAddress, city: 'Potsdam', postcode: '14467' },
      },
      '41',
    );
    await completed(world, 'plenigo', changed);

    const addresses = await prosonataAddresses(world);
    expect(addresses).toHaveLength(1);
    expect(addresses[0]).toMatchObject({
      name1: 'Test Neumann',
      city: 'Potsdam',
      postalCode: '14467',
      comments: 'campus:plenigo:41',
    });
    expect((await prosonataRequests(world)).map((r) => r.method)).toEqual(['POST', 'PUT']);
  });

  test('files an Angebot request as a prospect: the company, for the attention of the contact', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    const body = readFixture('campus/form.b2b.angebot.submit.json');
    const id = await deliver(world, 'campus', body, { webhookId: 'msg_angebot_1' });
    expect((await world.settled(id)).state).toBe('completed');

    expect(await prosonataAddresses(world)).toMatchObject([
      {
        customerID: 3,
        companyStatus: 2,
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
    // A prospect by its customer group: ProSonata's address API takes no companyStatus.
    const [post] = await prosonataRequests(world);
    expect(post?.body).toMatchObject({ customerID: 3 });
    expect(post?.body).not.toHaveProperty('companyStatus');
    expect(
      await world.directory.get({ source: 'campus', id: 'jana.krueger@nordwind-logistik.example' }),
    ).toMatchObject({
      companyName: 'Nordwind Logistik GmbH',
      firstName: 'Jana',
      lastName: 'Krüger',
    });
  });

  test('moves a prospect who buys into the customers’ group, and never a customer back', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    const angebot = readFixture('campus/form.b2b.angebot.submit.json');
    const kauf = JSON.parse(readFixture('campus/form.ebook.kauf.submit.json')) as {
      data: { kaeufer: { email: string } };
    };
    kauf.data.kaeufer.email = 'jana.krueger@nordwind-logistik.example';
    const id = async (body: string, webhookId: string) =>
      (await world.deliver('campus', body, { webhookId })).eventKey;
    expect((await world.settled(await id(angebot, 'msg_p1'))).state).toBe('completed');
    expect((await world.settled(await id(JSON.stringify(kauf), 'msg_p2'))).state).toBe('completed');
    expect(await prosonataAddresses(world)).toMatchObject([{ customerID: 1, companyStatus: 0 }]);

    // Another Angebot request by the same contact leaves the customer a customer.
    const again = JSON.parse(angebot) as { data: { laufzeit_monate: number } };
    again.data.laufzeit_monate = 24;
    expect((await world.settled(await id(JSON.stringify(again), 'msg_p3'))).state).toBe(
      'completed',
    );
    expect(await prosonataAddresses(world)).toMatchObject([{ customerID: 1, companyStatus: 0 }]);
    const writes = (await prosonataRequests(world)).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => [r.method, r.body])).toEqual([
      ['POST', expect.objectContaining({ customerID: 3 })],
      ['PUT', expect.not.objectContaining({ customerID: expect.anything() })],
      ['PUT', { customerID: 1 }],
      ['PUT', expect.not.objectContaining({ customerID: expect.anything() })],
    ]);
  });

  test('files an e-book buyer as a customer', async ({ world, startWorker }) => {
    await startWorker();
    const body = readFixture('campus/form.ebook.kauf.submit.json');
    const id = await deliver(world, 'campus', body, { webhookId: 'msg_ebook_1' });
    expect((await world.settled(id)).state).toBe('completed');

    expect(await prosonataAddresses(world)).toMatchObject([
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
    const [post] = await prosonataRequests(world);
    expect(post?.body).toMatchObject({ customerID: 1 });
    expect(post?.body).not.toHaveProperty('companyStatus');
    expect(
      await world.directory.get({ source: 'campus', id: 'max.mustermann@example.com' }),
    ).toMatchObject({ firstName: 'Max', address: { city: 'Köln' } });
  });

  test('deactivates the address of a deleted Fakturia customer and erases the directory entry', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    await completed(world, 'fakturia', fakturiaCustomerEvent('CUSTOMER_CREATED'));
    await completed(world, 'fakturia', fakturiaCustomerEvent('CUSTOMER_DELETED'));

    expect(await prosonataAddresses(world)).toMatchObject([
      { name1: 'Holger Tester', addressActive: 0 },
    ]);
    expect(await world.directory.get({ source: 'fakturia', id: 'K1234' })).toBeUndefined();
  });

  test('deactivates the address of a deleted plenigo customer and erases the directory entry', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    const created = plenigoCustomerEvent(
      'CREATION',
      { invoiceAddress: plenigoInvoiceAddress },
      '33',
    );
    await completed(world, 'plenigo', created);
    await completed(world, 'plenigo', readFixture('plenigo/customer-deletion.json'));

    expect(await prosonataAddresses(world)).toMatchObject([
      { comments: 'campus:plenigo:33', addressActive: 0 },
    ]);
    expect(await world.directory.get({ source: 'plenigo', id: '33' })).toBeUndefined();
  });

  test('creates exactly one address when the create timed out after ProSonata did the work', async ({
    world,
    startWorker,
  }) => {
    await startWorker({ timeoutMs: 1_000 });
    await world.control('POST', '/prosonata/fail', { count: 1, mode: 'timeout-after-work' });
    await completed(world, 'fakturia', readFixture('fakturia/CUSTOMER_CREATED.json'));

    const addresses = await prosonataAddresses(world);
    expect(addresses).toHaveLength(1);
    expect(
      (await prosonataRequests(world)).map((r) =>
        `${r.method} ${r.fault ?? r.status ?? ''}`.trim(),
      ),
    ).toEqual(['POST timeout-after-work', 'GET 200', 'PUT 200']);
    expect(
      (await world.directory.get({ source: 'fakturia', id: 'K1234' }))?.prosonataAddressId,
    ).toBe(addresses[0]!.addressID);
  });

  test('fails at once, with a reason an operator can act on, when the customer group does not exist', async ({
    world,
    startWorker,
  }) => {
    await startWorker({ customerId: 42 });
    const retries = { attempts: 5, backoffMs: 200 };
    const result = await world.settled(
      await deliver(world, 'fakturia', readFixture('fakturia/CUSTOMER_CREATED.json'), { retries }),
    );

    expect(result.state).toBe('failed');
    expect(result.failedReason).toContain('customerID 42 does not exist');
    expect(result.failedReason).toContain('PROSONATA_CUSTOMER_ID');
    expect((await prosonataRequests(world)).filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(await prosonataAddresses(world)).toEqual([]);
  });
  test('files one address when two events about the same new customer are worked on at once', async ({
    world,
    startWorker,
  }) => {
    await startWorker({ concurrency: 5 });
    const ids = await Promise.all([
      deliver(world, 'fakturia', fakturiaCustomerEvent('CUSTOMER_CREATED')),
      deliver(world, 'fakturia', fakturiaCustomerEvent('CUSTOMER_CHANGED', { phone1: '0421 123' })),
    ]);
    for (const id of ids) expect((await world.settled(id)).state).toBe('completed');

    expect(await prosonataAddresses(world)).toHaveLength(1);
    expect((await prosonataRequests(world)).map((r) => r.method).sort()).toEqual(['POST', 'PUT']);
  });

  test('never takes the address of customer K10 for K1, even when ProSonata’s search is not exact', async ({
    world,
    startWorker,
  }) => {
    await world.control('POST', '/prosonata/search', { mode: 'contains' });
    await startWorker({ timeoutMs: 1_000 });
    await completed(
      world,
      'fakturia',
      fakturiaCustomerEvent('CUSTOMER_CREATED', { customerNumber: 'K10' }),
    );
    const [k10] = await prosonataAddresses(world);

    // K1's create times out after ProSonata did the work: the retry looks K1 up by its marker.
    await world.control('POST', '/prosonata/fail', { count: 1, mode: 'timeout-after-work' });
    await completed(
      world,
      'fakturia',
      fakturiaCustomerEvent('CUSTOMER_CREATED', { customerNumber: 'K1' }),
    );
    // K1 is deleted before the directory knew its address: found by its marker alone.
    await world.directory.erase({ source: 'fakturia', id: 'K1' });
    await completed(
      world,
      'fakturia',
      fakturiaCustomerEvent('CUSTOMER_DELETED', { customerNumber: 'K1' }),
    );

    const addresses = await prosonataAddresses(world);
    expect(addresses).toHaveLength(2);
    expect(addresses.find((a) => a.addressID === k10!.addressID)).toMatchObject({
      comments: 'campus:fakturia:K10',
      addressActive: 1,
    });
    expect(addresses.find((a) => a.addressID !== k10!.addressID)).toMatchObject({
      comments: 'campus:fakturia:K1',
      addressActive: 0,
    });
    const touched = (await prosonataRequests(world)).filter((r) => r.method === 'PUT');
    expect(touched.map((r) => r.path)).not.toContain(
      `/prosonata/api/v1/addresses/${k10!.addressID}`,
    );
  });

  test('sends ProSonata only the parameters it documents', async ({ world, startWorker }) => {
    await startWorker();
    await completed(world, 'fakturia', readFixture('fakturia/CUSTOMER_CREATED.json'));
    await completed(
      world,
      'fakturia',
      fakturiaCustomerEvent('CUSTOMER_CHANGED', { lastName: 'Muster' }),
    );
    const angebot = readFixture('campus/form.b2b.angebot.submit.json');
    expect((await world.settled(await deliver(world, 'campus', angebot))).state).toBe('completed');
    await completed(world, 'fakturia', fakturiaCustomerEvent('CUSTOMER_DELETED'));

    const requests = await prosonataRequests(world);
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(4);
    expect(requests.filter((r) => r.undocumented !== undefined)).toEqual([]);
  });

  test('keeps the payment method of a Fakturia customer in the directory, current on every change', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    await completed(world, 'fakturia', fakturiaCustomerEvent('CUSTOMER_CREATED'));
    expect((await world.directory.get({ source: 'fakturia', id: 'K1234' }))?.paymentMethod).toBe(
      'BANKTRANSFER',
    );
    await completed(
      world,
      'fakturia',
      fakturiaCustomerEvent('CUSTOMER_CHANGED', { paymentMethod: 'PAYPAL' }),
    );
    expect((await world.directory.get({ source: 'fakturia', id: 'K1234' }))?.paymentMethod).toBe(
      'PAYPAL',
    );
  });

  test('fails at once when a Fakturia customer has no customer number', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    const result = await world.settled(
      await deliver(
        world,
        'fakturia',
        fakturiaCustomerEvent('CUSTOMER_CREATED', { customerNumber: null }),
      ),
    );

    expect(result.state).toBe('failed');
    expect(result.failedReason).toContain('carries no customer.customerNumber');
    expect(await prosonataRequests(world)).toEqual([]);
  });
});
