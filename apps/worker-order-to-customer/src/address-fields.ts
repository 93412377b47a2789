import type { ProsonataAddressFields } from '@campus/clients';
import type { CustomerUpdate, PostalAddress } from './customer-update.js';

/** A customer as the address is written from: the directory's record merged with the event. */
export type AddressSource = Omit<CustomerUpdate, 'ref'>;

// "Speicherstraße 8", "Am Markt 12a", "Hauptstr. 5-7": a house number at the end.
const HOUSE_NUMBER = /^(.*\S)\s+(\d+\s?[a-zA-Z]?(?:\s?[-/]\s?\d+\s?[a-zA-Z]?)?)$/;

/** ProSonata keeps street and house number apart; a line without a number stays whole. */
export function splitStreet(line: string | undefined): { street?: string; streetNo?: string } {
  if (!line) return {};
  const match = HOUSE_NUMBER.exec(line.trim());
  return match ? { street: match[1], streetNo: match[2] } : { street: line.trim() };
}

const fullName = (source: AddressSource) =>
  [source.firstName, source.lastName].filter(Boolean).join(' ') || undefined;

const addressParts = (address: PostalAddress | undefined) => ({
  ...splitStreet(address?.street),
  postalCode: address?.zip,
  city: address?.city,
  country: address?.country,
});

/**
 * The address fields of a customer: name1 is the company, else "Vorname
 * Nachname" (then also the addressName ProSonata asks for on non-company
 * addresses); with a company, the person is named in name2.
 */
export function addressFieldsOf(source: AddressSource): ProsonataAddressFields {
  const person = fullName(source);
  const company = source.companyName;
  const fields: ProsonataAddressFields = {
    name1: company ?? person,
    name2: company && person ? `z. Hd. ${person}` : undefined,
    addressName: company ? undefined : person,
    ...addressParts(source.address),
    taxID: source.taxId,
  };
  // A prospect's only address is the contact's; a customer's is where invoices go.
  if (source.role === 'prospect') fields.companyEmail = source.email;
  else fields.invoiceEmail = source.invoiceEmail ?? source.email;
  return withoutEmpty(fields);
}

/**
 * ProSonata's customer groups (Firma/Gruppe, `customerID`) addresses are filed
 * under: customers under PROSONATA_CUSTOMER_ID, prospects under
 * PROSONATA_PROSPECT_CUSTOMER_ID. ProSonata's address API takes no
 * `companyStatus`; an address is a prospect (Interessent) by its group's status.
 */
export interface CustomerGroups {
  customers: number;
  prospects: number;
}

/** POST: everything, filed under the group of the customer's role, with the marker. */
export function newAddressFields(
  source: AddressSource,
  groups: CustomerGroups,
  marker: string,
): ProsonataAddressFields {
  return {
    customerID: source.role === 'prospect' ? groups.prospects : groups.customers,
    ...addressFieldsOf(source),
    comments: marker,
  };
}

/**
 * PUT: the customer's fields. The group and the comments stay as they are (an
 * operator may have moved or annotated the address); only a prospect that
 * became a customer is moved, by the caller, once it sees the address in the
 * prospects' group.
 */
export function changedAddressFields(source: AddressSource): ProsonataAddressFields {
  return addressFieldsOf(source);
}

function withoutEmpty(fields: ProsonataAddressFields): ProsonataAddressFields {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''),
  ) as ProsonataAddressFields;
}
