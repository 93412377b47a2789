import { NonRetriableError } from '@campus/errors';
import type { FakturiaCustomer } from '@campus/events';
import type { CustomerDirectory, CustomerRecord, CustomerRef } from './customer-directory.js';
import { fakturiaCustomerRecord } from './from-fakturia.js';

/** Neither the directory nor Fakturia knows the customer: a retry cannot help until someone fixes the data. */
export class CustomerUnknownAtFakturiaError extends NonRetriableError {
  override name = 'CustomerUnknownAtFakturiaError';
  readonly customer: CustomerRef;

  constructor(customerNumber: string, neededFor?: string) {
    super(
      `Customer ${customerNumber} is not in the customer directory and Fakturia does not know it either ` +
        `(GET /api/v1/Customers/${customerNumber} answered 404)` +
        (neededFor === undefined ? '' : `, so ${neededFor} cannot be done`) +
        '. Check the customer number in the event and that FAKTURIA_API_URL and FAKTURIA_API_KEY belong to the ' +
        'Fakturia project the customer is filed under; retry the job once Fakturia knows the customer',
    );
    this.customer = { source: 'fakturia', id: customerNumber };
  }
}

export interface CustomerResolverDeps {
  directory: CustomerDirectory;
  /**
   * Fakturia's customer by number, undefined when Fakturia answers 404: the
   * Fakturia client's `getCustomer`. A function, so that this package needs no
   * HTTP client; its errors (a refused key, Fakturia down) pass through.
   */
  fetchFakturiaCustomer: (
    customerNumber: string,
    opts: { signal?: AbortSignal },
  ) => Promise<FakturiaCustomer | undefined>;
}

export interface ResolvedCustomer {
  record: CustomerRecord;
  /** `fakturia` when the record was missing (or refreshed) and has just been fetched and written. */
  from: 'directory' | 'fakturia';
}

/**
 * Finds a Fakturia customer's directory record, and when there is none yet
 * (no CUSTOMER_CREATED came, or it comes later) fetches the customer from
 * Fakturia and fills the directory with it, instead of waiting for an event
 * that may never arrive. `refreshIf` fetches a known record again when it
 * lacks what the caller needs (e.g. a payment method it was written without);
 * Fakturia not knowing such a customer leaves the record as it is.
 */
export function createCustomerResolver(deps: CustomerResolverDeps) {
  return {
    async fakturiaCustomer(
      customerNumber: string,
      opts: {
        neededFor?: string;
        signal?: AbortSignal;
        refreshIf?: (record: CustomerRecord) => boolean;
      } = {},
    ): Promise<ResolvedCustomer> {
      const ref: CustomerRef = { source: 'fakturia', id: customerNumber };
      const known = await deps.directory.get(ref);
      if (known && !(opts.refreshIf?.(known) ?? false)) return { record: known, from: 'directory' };
      const customer = await deps.fetchFakturiaCustomer(customerNumber, { signal: opts.signal });
      if (!customer) {
        if (known) return { record: known, from: 'directory' };
        throw new CustomerUnknownAtFakturiaError(customerNumber, opts.neededFor);
      }
      const record = await deps.directory.upsert(ref, fakturiaCustomerRecord(customer));
      return { record, from: 'fakturia' };
    },
  };
}

export type CustomerResolver = ReturnType<typeof createCustomerResolver>;
