import { describe, expect } from 'vitest';
import { spawnApp, waitFor } from '@campus/testing';
import { test } from './world.js';

describe('the worker-paypal-subscription process', () => {
  test('turns a queued PayPal contract into a linked subscription and a mail, and stops on SIGTERM', async ({
    world,
  }) => {
    await world.directory.upsert(
      { source: 'fakturia', id: 'K1234' },
      { email: 'mail@example.net', firstName: 'Holger', lastName: 'Tester' },
    );
    const app = spawnApp('worker-paypal-subscription', world.env);
    try {
      await app.waitFor(/worker-paypal-subscription started/);
      const { eventKey } = await world.deliver('fakturia', 'fakturia/CONTRACT_ACTIVATED.json');

      const [mail] = await waitFor('the approval mail', async () => {
        const mails = await world.mails('mail@example.net');
        return mails.length === 1 ? mails : undefined;
      });
      const subscriptionId = /\/paypal\/approve\/(I-[A-Z0-9]+)/.exec(mail?.text ?? '')?.[1];
      expect(await world.links.find(subscriptionId ?? '')).toEqual({
        contractNumber: 'V-1001',
        customerNumber: 'K1234',
      });
      expect(await world.queue.getJobState(eventKey)).toBe('completed');
    } finally {
      expect(await app.stop('SIGTERM')).toBe(0);
    }
    // Logs carry ids, never the customer's address.
    expect(app.output()).toContain('V-1001');
    expect(app.output()).not.toContain('mail@example.net');
  });
});
