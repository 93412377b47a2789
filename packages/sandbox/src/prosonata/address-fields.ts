/** The address fields of ProSonata's API (seed `prosonata-addresses-api.txt`), by type. */
export const STRING_FIELDS = [
  'name1',
  'name2',
  'name3',
  'addressName',
  'street',
  'streetNo',
  'postalCode',
  'city',
  'country',
  'companyEmail',
  'companyTelephone',
  'comments',
  'addressTags',
  'taxID',
  'DUNS',
  'GLN',
  'supplierNo',
  'invoiceEmail',
  'mandateReference',
  'mandateDate',
  'IBAN',
  'BIC',
  'bankName',
  'accountOwner',
] as const;

export const INT_FIELDS = [
  'customerID',
  'fibuAccountNo',
  'noInvoiceEmail',
  'invReverseCharge',
  'invThirdCountry',
  'invTextTemplate',
  'addressActive',
] as const;

/**
 * The parameters `POST /api/v1/addresses` documents ("Notwendige und mögliche
 * Parameter im Body"), which `PUT /api/v1/addresses/{id}` takes too. Not among
 * them: `companyStatus` (a property of the customer group) and `addressTags`
 * (only read and filtered by).
 */
export const WRITABLE_FIELDS: readonly string[] = [
  ...STRING_FIELDS.filter((field) => field !== 'addressTags'),
  ...INT_FIELDS,
];

/** The body's parameters the seed documents, and the names of those it does not. */
export function splitDocumented(body: Record<string, unknown>): {
  documented: Record<string, unknown>;
  undocumented: string[];
} {
  const writable = new Set<string>(WRITABLE_FIELDS);
  const documented: Record<string, unknown> = {};
  const undocumented: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (writable.has(name)) documented[name] = value;
    else undocumented.push(name);
  }
  return { documented, undocumented };
}

/** Query parameters `GET /api/v1/addresses` filters by. */
export const FILTER_FIELDS = [
  'customerID',
  'customerName',
  'companyStatus',
  'name1',
  'name2',
  'name3',
  'addressName',
  'postalCode',
  'city',
  'country',
  'comments',
  'addressTags',
  'taxID',
  'fibuAccountNo',
  'addressActive',
] as const;

export const SORT_FIELDS = [
  'addressID',
  'customerID',
  'name1',
  'addressName',
  'postalCode',
  'city',
  'country',
] as const;

export type StringField = (typeof STRING_FIELDS)[number];
export type IntField = (typeof INT_FIELDS)[number];

export interface Contact {
  contactID: number;
  firstName: string;
  LastName: string;
  email: string;
}

export type Address = {
  addressID: number;
  customerName: string;
  companyStatus: number;
  addressCreatedByUserID: number;
  addressEditedByUserID: number;
  addressViaApi: number;
  contactsAssigned: Contact[];
} & { [K in StringField]: string | number } & { [K in IntField]: number | null };

export interface CustomerGroup {
  customerID: number;
  customerName: string;
  /** 0 Kunde, 1 Lieferant, 2 Interessent, 3 Akquise, 4 PR/Presse, 5 inaktiv, 6 Sonstige. */
  companyStatus: number;
}
