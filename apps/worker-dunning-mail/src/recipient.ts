import {
  CustomerNotInDirectoryError,
  type CustomerDirectory,
  type CustomerRecord,
  type CustomerRef,
} from '@campus/customer-directory';
import { CustomerWithoutEmailError } from './errors.js';
import { readText } from './read-fields.js';

export interface Recipient {
  email: string;
  /** For the greeting; undefined gives the formal one. */
  name: string | undefined;
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
 * The customer's address from the directory. Not there yet → retried (the
 * customer event may simply come later); there without an e-mail → fails for good.
 */
export async function recipientFromDirectory(
  directory: CustomerDirectory,
  ref: CustomerRef,
): Promise<Recipient> {
  const record = await directory.get(ref);
  if (record === undefined) throw new CustomerNotInDirectoryError(ref);
  const email = readText(record.email);
  if (email === undefined) throw new CustomerWithoutEmailError(ref);
  return { email, name: nameOf(record) };
}

/**
 * An address the event itself carries wins; the directory then only adds the
 * name, and a customer missing there does not hold the mail back.
 */
export async function recipientOf(
  directory: CustomerDirectory,
  ref: CustomerRef | undefined,
  emailInEvent: string | undefined,
): Promise<Recipient | undefined> {
  if (emailInEvent !== undefined) {
    const record = ref === undefined ? undefined : await directory.get(ref);
    return { email: emailInEvent, name: nameOf(record) };
  }
  return ref === undefined ? undefined : recipientFromDirectory(directory, ref);
}
