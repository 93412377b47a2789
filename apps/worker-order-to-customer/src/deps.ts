import type { AddressSync } from './address-sync.js';

/** The order-to-customer domain's services, built in main.ts; every handler takes them. */
export interface OrderToCustomerDeps {
  /** The customer's ProSonata address and directory record, kept in step. */
  addresses: AddressSync;
}
