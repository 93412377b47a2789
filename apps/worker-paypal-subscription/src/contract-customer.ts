import type { CustomerRecord } from '@campus/customer-directory';
import type { JobContext } from '@campus/queues';
import type { PaypalSubscriptionDeps } from './deps.js';
import { PaymentMethodUnknownError } from './errors.js';

/** Fakturia's name of the method this worker acts on (its wiki's `Customer` example shows `BANKTRANSFER`). */
export const isPaypal = (method: string) => method.trim().toUpperCase() === 'PAYPAL';

const given = (value: string | null | undefined): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export interface ContractParties {
  contractNumber: string;
  customerNumber: string;
  /** The contract's own paymentMethod, when it names one. */
  paymentMethod: string | undefined;
}

export interface ContractCustomer {
  record: CustomerRecord;
  /** The contract's own, else its customer's. */
  paymentMethod: string;
}

/**
 * The contract's customer and how the contract is paid. Fakturia documents
 * `paymentMethod` on the Customer; a contract may leave it to its customer.
 * The customer comes from the directory, else from Fakturia (written to the
 * directory). A directory record that lacks what this decision needs (the
 * payment method, as records written before they kept it; or, for a PayPal
 * contract, the e-mail address) is fetched from Fakturia again. No method
 * anywhere: fails for good.
 */
export async function contractCustomer(
  deps: PaypalSubscriptionDeps,
  ctx: JobContext,
  parties: ContractParties,
): Promise<ContractCustomer> {
  const { contractNumber, customerNumber } = parties;
  const methodOf = (record: CustomerRecord) =>
    given(parties.paymentMethod) ?? given(record.paymentMethod);
  const lacking = (record: CustomerRecord) => {
    const method = methodOf(record);
    return method === undefined || (isPaypal(method) && given(record.email) === undefined);
  };
  const { record, from } = await deps.customers.fakturiaCustomer(customerNumber, {
    neededFor: `the PayPal subscription of contract ${contractNumber}`,
    signal: ctx.signal,
    refreshIf: lacking,
  });
  if (from === 'fakturia') {
    ctx.log.info({ customerNumber, from }, 'customer fetched from Fakturia');
  }
  const paymentMethod = methodOf(record);
  if (paymentMethod === undefined)
    throw new PaymentMethodUnknownError(contractNumber, customerNumber);
  return { record, paymentMethod };
}
