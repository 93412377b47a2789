import { describe, expect } from 'vitest';
import { createCertificateRegistry, type IssueRequest } from '@campus/certificate-registry';
import type { Source } from '@campus/events';
import { readFixture } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { fakturiaCustomerEvent, plenigoCustomerEvent } from './fixtures.js';
import { test } from './world.js';

const course = (email: string, kurs = 'Zertifikatskurs Projektmanagement'): IssueRequest => ({
  email,
  teilnehmerName: 'Holger Tester',
  kurs,
  abschlussDatum: '2024-06-28',
  ausgestelltAm: '2024-07-01',
});

/** Issues a finished certificate (PDF hashed) for `request`; answers its number. */
async function certificate(world: WorkerWorld, request: IssueRequest): Promise<string> {
  const registry = createCertificateRegistry(world.connection, world.prefix);
  const { entry } = await registry.issue(request);
  await registry.recordPdf(entry.nummer, 'a'.repeat(64));
  return entry.nummer;
}

async function completed(world: WorkerWorld, source: Source, body: string): Promise<void> {
  const { eventKey } = await world.deliver(source, body);
  expect((await world.settled(eventKey)).state).toBe('completed');
}

const found = (world: WorkerWorld, nummer: string) =>
  createCertificateRegistry(world.connection, world.prefix).find(nummer);

describe('a deletion request erases the customer’s certificates', () => {
  test('Fakturia CUSTOMER_DELETED: every certificate of the address, however it is spelt; others stay', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    const own = [
      await certificate(world, course('mail@example.net')),
      await certificate(world, course('Mail@Example.NET', 'Agiles Arbeiten')),
    ];
    const other = await certificate(world, course('someone.else@example.net'));
    await completed(world, 'fakturia', fakturiaCustomerEvent('CUSTOMER_DELETED'));

    for (const nummer of own) expect(await found(world, nummer)).toBeUndefined();
    expect(await found(world, other)).toMatchObject({ teilnehmerName: 'Holger Tester' });
  });

  test('plenigo CUSTOMER/DELETION, which names no address: by the address the directory knows', async ({
    world,
    startWorker,
  }) => {
    await startWorker();
    await completed(world, 'plenigo', plenigoCustomerEvent('CREATION', {}, '33'));
    const nummer = await certificate(world, course('plenigo+callback@plenigo.com'));
    await completed(world, 'plenigo', readFixture('plenigo/customer-deletion.json'));

    expect(await found(world, nummer)).toBeUndefined();
    expect(await world.directory.get({ source: 'plenigo', id: '33' })).toBeUndefined();
  });
});
