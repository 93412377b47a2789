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
