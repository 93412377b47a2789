import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createLogger } from '@campus/logger';
import { startSandbox, type RecordedRequest, type RunningSandbox } from '@campus/sandbox';
import { createLexofficeClient } from '../src/lexoffice/lexoffice-client.js';

export { EINNAHMEN, fakturiaInvoice } from './lexoffice-samples.js';

const KEY = 'sandbox-lexoffice-key';

/** Async control-API call of the stand-in. */
async function control<T>(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  payload?: unknown,
) {
  const response = await fetch(`${sandbox.url}/_control${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  if (!response.ok) throw new Error(`control ${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The sandbox's Lexoffice for one test file (reset before each test) and a
 * client of it; `requests()` is what the stand-in received. The client here
 * has no rate gate (invoice-sync's is in Redis), so the stand-in's bucket is
 * wide unless a test narrows it (`POST /_control/lexoffice/rate-limit`).
 */
export function useLexofficeStandIn() {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      logger: createLogger({ name: 'lexoffice-client-test', level: 'silent' }),
      port: 0,
      smtpPort: 0,
      lexoffice: { ratePerSecond: 1000 },
    });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => control(sandbox, 'POST', '/reset'));
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
    control: <T = unknown>(method: string, path: string, payload?: unknown) =>
      control<T>(sandbox, method, path, payload),
    requests: () => control<RecordedRequest[]>(sandbox, 'GET', '/lexoffice/requests'),
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
