import { createHash } from 'node:crypto';
import type { CustomerRecord, CustomerRef } from '@campus/customer-directory';

/** A customer's postal address as the directory keeps it (street with house number). */
export type PostalAddress = NonNullable<CustomerRecord['address']>;

/** What one event says about one customer, in source-neutral terms. Personal data. */
export interface CustomerUpdate {
  ref: CustomerRef;
  /**
   * `customer` files the address under the customers' group, `prospect` (an
   * Angebot request) under the prospects' group, but only when it creates the
   * address: a prospect event never demotes an existing customer, and a
   * customer event moves a prospect's address to the customers' group.
   */
  role: 'customer' | 'prospect';
  email?: string;
  salutation?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  address?: PostalAddress;
  taxId?: string;
  /** Where invoices go when it differs from `email` (Fakturia's emailInvoice). */
  invoiceEmail?: string;
  /** How the customer pays, for the directory (Fakturia's paymentMethod); not an address field. */
  paymentMethod?: string;
}

/** Trims a value a sender may give as null, a number or an empty string. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** An address with at least one part, or undefined. */
export function postalAddress(parts: PostalAddress): PostalAddress | undefined {
  const defined = Object.entries(parts).filter(([, v]) => text(v) !== undefined);
  return defined.length > 0 ? (Object.fromEntries(defined) as PostalAddress) : undefined;
}

/**
 * The customer's id as it may appear in logs, Redis keys and ProSonata's
 * comments: Fakturia's and plenigo's customer numbers as they are; a website
 * customer's e-mail address only as a hash.
 */
export function customerTag(ref: CustomerRef): string {
  const id =
    ref.source === 'campus'
      ? createHash('sha256').update(ref.id.toLowerCase()).digest('hex').slice(0, 16)
      : ref.id;
  return `${ref.source}:${id}`;
}

/** The marker put into the address's `comments`, by which a retry finds an address it created. */
export function addressMarker(ref: CustomerRef): string {
  return `campus:${customerTag(ref)}`;
}
