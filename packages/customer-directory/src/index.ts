export {
  createCustomerDirectory,
  createInvoiceLedger,
  createSubscriptionLinks,
} from './customer-directory.js';
export type {
  CustomerDirectory,
  CustomerRecord,
  CustomerRef,
  InvoiceLedger,
  PaymentRecord,
  SubscriptionLink,
  SubscriptionLinks,
} from './customer-directory.js';
export { createPaypalPayments, returnedSaleId } from './paypal-payments.js';
export type {
  PaypalPayments,
  PaypalReturn,
  PaypalSale,
  PaypalSaleRecord,
} from './paypal-payments.js';
export { CustomerNotInDirectoryError } from './customer-not-in-directory-error.js';
export { createCustomerResolver, CustomerUnknownAtFakturiaError } from './customer-resolver.js';
export type {
  CustomerResolver,
  CustomerResolverDeps,
  ResolvedCustomer,
} from './customer-resolver.js';
export { fakturiaCustomerNumber, fakturiaCustomerRecord } from './from-fakturia.js';
