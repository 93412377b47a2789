/**
 * The Fakturia stand-in's memory, after Fakturia's REST API as
 * https://wiki.fakturia.de/wiki/REST%20API describes it: customers by their
 * customerNumber, invoice PDFs by invoice number, the project's API key.
 */
import { SANDBOX_SECRETS } from '@campus/config';
import type { Clock } from '../clock.js';
import { createUpstreamParts, type UpstreamState } from '../http/upstream.js';

/** A customer as Fakturia's `Customer` schema has it; kept as the test seeded it. */
export type FakturiaCustomerRecord = Record<string, unknown> & { customerNumber: string };

export interface StoredInvoiceDocument {
  invoiceNumber: string;
  pdf: Buffer;
}

export interface FakturiaOptions {
  /** The project's API key (default: the development key the config uses in sandbox mode). */
  apiKey?: string;
}

export interface FakturiaState extends UpstreamState {
  readonly customers: Map<string, FakturiaCustomerRecord>;
  readonly documents: Map<string, StoredInvoiceDocument>;
  /** The one key `api-key` must carry. */
  apiKey: string;
}

/** Fakturia's error body, `{"errorKey":"INCORRECT_INPUT_DATA","errorMessage":"…"}` in the wiki's example. */
export function fakturiaError(errorKey: string, errorMessage: string) {
  return { errorKey, errorMessage };
}

export function createFakturiaState(clock: Clock, options: FakturiaOptions = {}): FakturiaState {
  const apiKey = options.apiKey ?? SANDBOX_SECRETS.FAKTURIA_API_KEY;
  const parts = createUpstreamParts(clock, () =>
    fakturiaError('INTERNAL_ERROR', 'Sandbox: injected failure.'),
  );
  const state: FakturiaState = {
    ...parts,
    customers: new Map(),
    documents: new Map(),
    apiKey,
    reset() {
      parts.requests.clear();
      parts.faults.reset();
      state.customers.clear();
      state.documents.clear();
      state.apiKey = apiKey;
    },
  };
  return state;
}
