import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { RunningSandbox } from '../start.js';
import { fetchJson, ManualClock, startTestSandbox, type JsonAnswer } from './sandbox-fixture.js';

export const LEXOFFICE_KEY = 'sandbox-lexoffice-key';

/** An invoice as the docs' "Create an Invoice" sample writes it (one-time address, date-times). */
export const invoiceBody = () => ({
  voucherDate: '2025-03-03T00:00:00.000+01:00',
  address: {
    name: 'Muster GmbH',
    street: 'Hauptstraße 5',
    city: 'Berlin',
    zip: '10115',
    countryCode: 'DE',
  },
  lineItems: [
    {
      type: 'custom',
      name: 'E-Book Agiles Arbeiten',
      quantity: 2,
      unitName: 'Stück',
      unitPrice: { currency: 'EUR', netAmount: 18.69, taxRatePercentage: 7 },
    },
  ],
  totalPrice: { currency: 'EUR' },
  taxConditions: { taxType: 'net' },
  shippingConditions: { shippingType: 'service', shippingDate: '2025-03-03T00:00:00.000+01:00' },
  title: 'Rechnung',
});

/** A bookkeeping voucher as the docs' "Create a Voucher" sample writes it. */
export const voucherBody = () => ({
  type: 'salesinvoice',
  voucherNumber: 'RE-2025-000042',
  voucherDate: '2025-03-03',
  totalGrossAmount: 226.0,
  totalTaxAmount: 26.0,
  taxType: 'gross',
  useCollectiveContact: true,
  remark: 'Fakturia-Rechnung RE-2025-000042',
  voucherItems: [
    {
      amount: 119.0,
      taxAmount: 19.0,
      taxRatePercent: 19,
      categoryId: '8f8664a1-fd86-11e1-a21f-0800200c9a66',
    },
    {
      amount: 107.0,
      taxAmount: 7.0,
      taxRatePercent: 7,
      categoryId: '8f8664a1-fd86-11e1-a21f-0800200c9a66',
    },
  ],
});

/**
 * A sandbox for one test file on a hand-moved clock, reset (and the clock
 * ten seconds on) before each test; `api` calls its Lexoffice with the key.
 * The clock stands still inside a test, so a test of anything but the rate
 * limit gets a bucket that does not run dry (`ratePerSecond`, default 1000).
 */
export function useLexofficeSandbox(options: { ratePerSecond?: number } = {}) {
  const clock = new ManualClock();
  const world = { clock, sandbox: undefined as unknown as RunningSandbox };
  beforeAll(async () => {
    world.sandbox = await startTestSandbox({
      clock,
      lexoffice: { ratePerSecond: options.ratePerSecond ?? 1000 },
    });
  });
  afterAll(() => world.sandbox.close());
  beforeEach(() => {
    clock.advance(10_000);
    world.sandbox.sandbox.reset();
  });
  return {
    clock,
    get sandbox() {
      return world.sandbox;
    },
    /** A call to the stand-in's Lexoffice API with the sandbox key (or `key`, or none). */
    api<T = Record<string, unknown>>(
      path: string,
      init: {
        method?: string;
        body?: unknown;
        key?: string | null;
        headers?: Record<string, string>;
      } = {},
    ): Promise<JsonAnswer<T>> {
      const key = init.key === undefined ? LEXOFFICE_KEY : init.key;
      return fetchJson<T>(`${world.sandbox.url}/lexoffice${path}`, {
        method: init.method,
        body: init.body,
        headers: { ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...init.headers },
      });
    },
  };
}
