import {
  CustomerNotInDirectoryError,
  type CustomerDirectory,
  type CustomerRecord,
  type CustomerRef,
  type CustomerResolver,
} from '@campus/customer-directory';
import type { JobContext } from '@campus/queues';
import { CustomerWithoutEmailError } from './errors.js';
import { readText } from './read-fields.js';

export interface Recipient {
  email: string;
  /** For the greeting; undefined gives the formal one. */
  name: string | undefined;
}

/** Where a customer's address is looked up: the directory, and Fakturia for a Fakturia customer it lacks. */
export interface CustomerSources {
  directory: CustomerDirectory;
  customers: CustomerResolver;
}

/** What the lookup is for (in a failure's message), the job's abort signal and logger. */
export interface LookupContext {
  neededFor: string;
  signal: AbortSignal;
  log: JobContext['log'];
}

/** "Holger Tester", else the company, else undefined. */
export function nameOf(record: CustomerRecord | undefined): string | undefined {
  if (record === undefined) return undefined;
  const person = [readText(record.firstName), readText(record.lastName)]
    .filter((part) => part !== undefined)
    .join(' ');
  return person !== '' ? person : readText(record.companyName);
}

/**
 * The customer's record. A Fakturia customer the directory lacks is fetched
 * from Fakturia and written to the directory (unknown there too: fails for
 * good); a plenigo customer not there yet is retried until its callback came.
 */
async function recordOf(
  sources: CustomerSources,
  ref: CustomerRef,
  lookup: LookupContext,
): Promise<CustomerRecord> {
  if (ref.source === 'fakturia') {
    const { neededFor, signal } = lookup;
    const resolved = await sources.customers.fakturiaCustomer(ref.id, { neededFor, signal });
    if (resolved.from === 'fakturia') {
      lookup.log.info(
        { customerNumber: ref.id, from: resolved.from },
        'customer fetched from Fakturia',
      );
    }
    return resolved.record;
  }
  const record = await sources.directory.get(ref);
  if (record === undefined) throw new CustomerNotInDirectoryError(ref, lookup.neededFor);
  return record;
}

/** The customer's address; a known customer without an e-mail address fails for good. */
export async function recipientFromDirectory(
  sources: CustomerSources,
  ref: CustomerRef,
  lookup: LookupContext,
): Promise<Recipient> {
  const record = await recordOf(sources, ref, lookup);
  const email = readText(record.email);
  if (email === undefined) throw new CustomerWithoutEmailError(ref);
  return { email, name: nameOf(record) };
}

/**
 * An address the event itself carries wins; the directory then only adds the
 * name, and a customer missing there does not hold the mail back.
 */
export async function recipientOf(
  sources: CustomerSources,
  ref: CustomerRef | undefined,
  emailInEvent: string | undefined,
  lookup: LookupContext,
): Promise<Recipient | undefined> {
  if (emailInEvent !== undefined) {
    const record = ref === undefined ? undefined : await sources.directory.get(ref);
    return { email: emailInEvent, name: nameOf(record) };
  }
  return ref === undefined ? undefined : recipientFromDirectory(sources, ref, lookup);
}
