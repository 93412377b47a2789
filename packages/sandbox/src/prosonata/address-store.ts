import {
  INT_FIELDS,
  STRING_FIELDS,
  type Address,
  type CustomerGroup,
  type IntField,
  type StringField,
} from './address-fields.js';

export const DEFAULT_CUSTOMER_GROUPS: readonly CustomerGroup[] = [
  { customerID: 1, customerName: 'Campus Privatkunden', companyStatus: 0 },
  { customerID: 2, customerName: 'Campus Firmenkunden', companyStatus: 0 },
  { customerID: 3, customerName: 'Campus Interessenten', companyStatus: 2 },
];

export type WriteResult =
  { ok: true; address: Address } | { ok: false; status: 400 | 404 | 409; message: string };

type Input = Record<string, unknown>;

const INT_DEFAULTS: Record<IntField, number | null> = {
  customerID: 0,
  fibuAccountNo: 0,
  noInvoiceEmail: 0,
  invReverseCharge: 0,
  invThirdCountry: 0,
  invTextTemplate: null,
  addressActive: 1,
};

function readInt(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** ProSonata's addresses and the customer groups (Firmen/Gruppen) they belong to, in memory. */
export class AddressStore {
  readonly addresses = new Map<number, Address>();
  readonly customers = new Map<number, CustomerGroup>();
  private nextId = 1;

  constructor(private readonly seedCustomers: readonly CustomerGroup[] = DEFAULT_CUSTOMER_GROUPS) {
    this.reset();
  }

  reset(): void {
    this.addresses.clear();
    this.customers.clear();
    for (const group of this.seedCustomers) this.customers.set(group.customerID, { ...group });
    this.nextId = 1;
  }

  create(input: Input): WriteResult {
    const fields = this.readFields(input, true);
    if (!fields.ok) return fields;
    const customerID = fields.ints.customerID;
    const group =
      customerID === undefined || customerID === null ? undefined : this.customers.get(customerID);
    if (!group)
      return { ok: false, status: 409, message: `Firma/Gruppe ${customerID} existiert nicht.` };
    const addressID = this.nextId++;
    const strings = {} as Record<StringField, string | number>;
    for (const field of STRING_FIELDS) strings[field] = fields.strings[field] ?? '';
    const ints = {} as Record<IntField, number | null>;
    for (const field of INT_FIELDS) ints[field] = fields.ints[field] ?? INT_DEFAULTS[field];
    const address: Address = {
      addressID,
      ...strings,
      ...ints,
      customerName: group.customerName,
      companyStatus: group.companyStatus,
      addressCreatedByUserID: 1,
      addressEditedByUserID: 1,
      addressViaApi: 1,
      contactsAssigned: [],
    };
    // ProSonata generates the FiBu account when the address is created.
    if (!address.fibuAccountNo) address.fibuAccountNo = 10000 + addressID;
    this.addresses.set(addressID, address);
    return { ok: true, address };
  }

  /** PUT: only the fields sent change. */
  update(addressID: number, input: Input): WriteResult {
    const existing = this.addresses.get(addressID);
    if (!existing)
      return { ok: false, status: 404, message: `Adresse ${addressID} nicht gefunden.` };
    const fields = this.readFields(input, false);
    if (!fields.ok) return fields;
    let group: CustomerGroup | undefined;
    if (fields.ints.customerID !== undefined) {
      group =
        fields.ints.customerID === null ? undefined : this.customers.get(fields.ints.customerID);
      if (!group) {
        return {
          ok: false,
          status: 409,
          message: `Firma/Gruppe ${fields.ints.customerID} existiert nicht.`,
        };
      }
    }
    const updated: Address = { ...existing, ...fields.strings, ...fields.ints } as Address;
    if (group) {
      updated.customerName = group.customerName;
      updated.companyStatus = group.companyStatus;
    }
    this.addresses.set(addressID, updated);
    return { ok: true, address: updated };
  }

  private readFields(
    input: Input,
    creating: boolean,
  ):
    | {
        ok: true;
        strings: Partial<Record<StringField, string | number>>;
        ints: Partial<Record<IntField, number | null>>;
      }
    | { ok: false; status: 400; message: string } {
    const strings: Partial<Record<StringField, string | number>> = {};
    const ints: Partial<Record<IntField, number | null>> = {};
    for (const field of STRING_FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      if (value === null) strings[field] = '';
      else if (typeof value === 'string' || typeof value === 'number') strings[field] = value;
      else return { ok: false, status: 400, message: `${field} muss ein String sein.` };
    }
    for (const field of INT_FIELDS) {
      if (input[field] === undefined) continue;
      const value = readInt(input[field]);
      if (value === undefined || (value === null && field !== 'invTextTemplate')) {
        return { ok: false, status: 400, message: `${field} muss eine ganze Zahl sein.` };
      }
      ints[field] = value;
    }
    if (creating && ints.customerID === undefined) {
      return { ok: false, status: 400, message: 'customerID ist ein Pflichtfeld.' };
    }
    const city = creating ? strings.city : (strings.city ?? 'unchanged');
    if (city === undefined || String(city).trim() === '') {
      return { ok: false, status: 400, message: 'city ist ein Pflichtfeld.' };
    }
    return { ok: true, strings, ints };
  }
}
