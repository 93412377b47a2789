import { expect } from 'vitest';
import { spawnApp } from '@campus/testing';
import { prosonataAddresses, test } from './world.js';

test('runs as its own process: files the address, logs no personal data, stops cleanly on SIGTERM', async ({
  world,
}) => {
  const app = spawnApp('worker-order-to-customer', {
    ...world.env,
    CAMPUS_MODE: 'sandbox',
    PROSONATA_API_KEY: 'process-test-key',
    LOG_LEVEL: 'debug',
  });
  try {
    await app.waitFor(/worker-order-to-customer started/);
    const { eventKey } = await world.deliver('fakturia', 'fakturia/CUSTOMER_CREATED.json');
    expect((await world.settled(eventKey)).state).toBe('completed');
    expect(await prosonataAddresses(world)).toMatchObject([
      { name1: 'Holger Tester', city: 'Testhausen' },
    ]);
    await app.waitFor(/ProSonata address filed/);
  } finally {
    expect(await app.stop('SIGTERM')).toBe(0);
  }
  const output = app.output();
  expect(output).toContain('fakturia:K1234');
  for (const secret of ['process-test-key', 'mail@example.net', 'Holger', 'Tester', 'Teststraße'])
    expect(output).not.toContain(secret);
}, 60_000);
