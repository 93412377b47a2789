import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createLogger } from '@campus/logger';
import {
  sandboxControl,
  startSandbox,
  type RecordedRequest,
  type RunningSandbox,
} from '@campus/sandbox';
import { createLexofficeClient } from '../src/lexoffice/lexoffice-client.js';

export { EINNAHMEN, fakturiaInvoice } from './lexoffice-samples.js';

const KEY = 'sandbox-lexoffice-key';

/**
 * The sandbox's Lexoffice for one test file (reset before each test) and a
 * client of it; `requests()` is what the stand-in received. The client here
 * has no rate gate (invoice-sync's is in Redis), so the stand-in's bucket is
 * wide unless a test narrows it (`POST /_control/lexoffice/rate-limit`).
 */
export function useLexofficeStandIn() {
  let sandbox: RunningSandbox;
  const control = <T = unknown>(method: string, path: string, payload?: unknown) =>
    sandboxControl(sandbox.url).control<T>(method, path, payload);
  beforeAll(async () => {
    sandbox = await startSandbox({
      logger: createLogger({ name: 'lexoffice-client-test', level: 'silent' }),
      port: 0,
      smtpPort: 0,
      lexoffice: { ratePerSecond: 1000 },
    });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => control('POST', '/reset'));
  return {
    get url() {
      return `${sandbox.url}/lexoffice`;
    },
    client: (options: { apiKey?: string; timeoutMs?: number } = {}) =>
      createLexofficeClient({
        apiUrl: `${sandbox.url}/lexoffice`,
        apiKey: options.apiKey ?? KEY,
        timeoutMs: options.timeoutMs ?? 10_000,
      }),
    control,
    requests: () => control<RecordedRequest[]>('GET', '/lexoffice/requests'),
  };
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
