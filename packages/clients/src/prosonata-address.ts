// ProSonata's address resource (seed `prosonata-addresses-api.txt`), as the client reads and writes it.

/** An address as ProSonata answers it (seed `prosonata-addresses-api.txt`); more fields may come. */
export interface ProsonataAddress {
  addressID: number;
  customerID: number;
  customerName?: string;
  /** 0 Kunde, 1 Lieferant, 2 Interessent, 3 Akquise, 4 PR/Presse, 5 inaktiv, 6 Sonstige. */
  companyStatus?: number;
  name1?: string;
  name2?: string;
  name3?: string;
  addressName?: string;
  street?: string;
  streetNo?: string | number;
  postalCode?: string | number;
  city?: string;
  country?: string;
  companyEmail?: string;
  comments?: string;
  addressActive?: number;
  [field: string]: unknown;
}

/**
 * What POST and PUT take (the seed's "Notwendige und mögliche Parameter"); a
 * PUT changes only the fields sent. No `companyStatus`: it is the status of
 * the customer group (`customerID`), read and filtered by, never written.
 */
export interface ProsonataAddressFields {
  customerID?: number;
  name1?: string;
  name2?: string;
  name3?: string;
  addressName?: string;
  street?: string;
  streetNo?: string;
  postalCode?: string;
  city?: string;
  country?: string;
  companyEmail?: string;
  companyTelephone?: string;
  comments?: string;
  taxID?: string;
  invoiceEmail?: string;
  addressActive?: 0 | 1;
}

/** The filters of `GET /api/v1/addresses`: exact matches. */
export type ProsonataAddressFilters = Partial<
  Record<
    | 'customerID'
    | 'customerName'
    | 'companyStatus'
    | 'name1'
    | 'name2'
    | 'name3'
    | 'addressName'
    | 'postalCode'
    | 'city'
    | 'country'
    | 'comments'
    | 'addressTags'
    | 'taxID'
    | 'fibuAccountNo'
    | 'addressActive',
    string | number
  >
>;

export interface ProsonataListOptions {
  /** `addressID`, `customerID`, `name1`, `addressName`, `postalCode`, `city` or `country`, optionally with ` ASC`/` DESC`. */
  orderBy?: string;
  /** From 1. */
  page?: number;
  perPage?: number;
}

export interface ProsonataAddressPage {
  addresses: ProsonataAddress[];
  page: number;
  perPage: number;
  totalCount: number;
}

/** A read or write of one address: ProSonata's 404 is an answer, not an error. */
export type ProsonataAddressResult =
  { found: true; address: ProsonataAddress } | { found: false; addressId: number };
