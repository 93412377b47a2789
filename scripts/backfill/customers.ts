import type { FakturiaCustomerPage } from '@campus/clients';
import {
  fakturiaCustomerNumber,
  fakturiaCustomerRecord,
  type CustomerDirectory,
  type CustomerRecord,
} from '@campus/customer-directory';

export interface CustomerBackfillSummary {
  pages: number;
  customers: number;
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** The page the run stopped at, when Fakturia could not be read to the end. */
  stoppedAt?: { page: number; reason: string };
}

export interface CustomerBackfillOptions {
  /** Fakturia's customer list, page by page (the Fakturia client's `customerPages`). */
  pages: (fromPage: number) => AsyncIterable<FakturiaCustomerPage>;
  directory: CustomerDirectory;
  fromPage: number;
  /** One line of progress, for the operator. Never personal data. */
  report: (line: string) => void;
  now?: () => number;
}

type Fields = Omit<CustomerRecord, 'updatedAt'>;

/** Whether writing `next` would change the record (fields it leaves out stay as they are). */
function changes(current: CustomerRecord, next: Fields): boolean {
  return Object.entries(next).some(
    ([key, value]) => JSON.stringify(current[key as keyof Fields]) !== JSON.stringify(value),
  );
}

/**
 * Writes every Fakturia customer into the customer directory, the way a
 * CUSTOMER_CREATED event would: for going live with the customers Fakturia
 * already has. Safe to run again (a customer whose record already says the
 * same is left alone) and resumable (`fromPage`; a page that cannot be read
 * stops the run and names it).
 */
export async function backfillCustomers(
  options: CustomerBackfillOptions,
): Promise<CustomerBackfillSummary> {
  const { directory, report } = options;
  const now = options.now ?? Date.now;
  const started = now();
  const summary: CustomerBackfillSummary = {
    pages: 0,
    customers: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
  };
  let page = options.fromPage;
  try {
    for await (const current of options.pages(options.fromPage)) {
      page = current.page;
      for (const [index, customer] of current.customers.entries()) {
        summary.customers += 1;
        const customerNumber = fakturiaCustomerNumber(customer);
        if (!customerNumber) {
          summary.failed += 1;
          report(`page ${page}, entry ${index + 1}: no customerNumber, skipped`);
          continue;
        }
        const ref = { source: 'fakturia', id: customerNumber } as const;
        try {
          const existing = await directory.get(ref);
          const next = fakturiaCustomerRecord(customer);
          if (existing && !changes(existing, next)) {
            summary.unchanged += 1;
            continue;
          }
          await directory.upsert(ref, next);
          summary[existing ? 'updated' : 'added'] += 1;
        } catch (error) {
          summary.failed += 1;
          report(`customer ${customerNumber}: not written (${(error as Error).message})`);
        }
      }
      summary.pages += 1;
      const seconds = Math.max((now() - started) / 1000, 0.001);
      report(
        `page ${page} done: ${summary.customers} customers so far ` +
          `(${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed), ` +
          `${Math.round(summary.customers / seconds)} customers/s`,
      );
      page += 1;
    }
  } catch (error) {
    summary.stoppedAt = { page, reason: (error as Error).message };
  }
  return summary;
}
