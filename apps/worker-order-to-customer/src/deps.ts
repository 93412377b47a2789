import type { AddressSync } from './address-sync.js';
import type { CertificateErasure } from './certificate-erasure.js';

/** The order-to-customer domain's services, built in main.ts; every handler takes them. */
export interface OrderToCustomerDeps {
  /** The customer's ProSonata address and directory record, kept in step. */
  addresses: AddressSync;
  /** A deleted customer's certificates go with their other data. */
  certificates: CertificateErasure;
}
