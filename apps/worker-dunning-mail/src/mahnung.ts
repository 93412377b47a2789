import type { FakturiaInvoice } from '@campus/events';
import { MissingFieldError } from './errors.js';
import { firstText, readAmount, readText } from './read-fields.js';

/** What a Mahnung needs from a DUNNING_CREATED payload. */
export interface Mahnung {
  invoiceNumber: string;
  customerNumber: string | undefined;
  /** An address on the invoice itself; the directory is asked otherwise. */
  email: string | undefined;
  /** The open amount in euros (amountOpen, else amountGross). */
  amount: number;
  dueDate: string;
  /** Fakturia's dunningLevel, held to the three letters we have. */
  level: 1 | 2 | 3;
  /** The contract the invoice bills (`invoice.contractNumber`): a PayPal payment of it may hold the letter back. */
  contractNumber?: string;
  /** `2024-05-01`: a PayPal payment made well before it paid something else. */
  invoiceDate?: string;
  currency?: string;
}

const EVENT = 'DUNNING_CREATED';
// Fakturia's invoice fields are assumed: take the address under any name it may use.
const EMAIL_FIELDS = ['email', 'emailInvoice', 'customerEmail'] as const;

/** Neither an address on the invoice nor a customer number to look one up by. */
export function missingCustomerNumber(invoiceNumber: string): MissingFieldError {
  return new MissingFieldError(
    EVENT,
    'payload.invoice.customerNumber (the invoice carries no e-mail address either)',
    ` for invoice ${invoiceNumber}`,
  );
}

/** Level 1 is the friendly reminder; anything past 3 stays the last Mahnung. */
export function mahnungLevel(dunningLevel: unknown): 1 | 2 | 3 {
  const level = typeof dunningLevel === 'number' ? Math.floor(dunningLevel) : Number.NaN;
  if (!Number.isFinite(level) || level <= 1) return 1;
  return level >= 3 ? 3 : 2;
}

/**
 * Reads the payload tolerantly; a field the letter cannot do without fails
 * with its name (MissingFieldError, not retried).
 */
export function readMahnung(payload: {
  invoice?: FakturiaInvoice | null;
  dunningLevel?: unknown;
}): Mahnung {
  const invoice: FakturiaInvoice = payload.invoice ?? {};
  const invoiceNumber = readText(invoice.invoiceNumber);
  if (invoiceNumber === undefined) {
    throw new MissingFieldError(EVENT, 'payload.invoice.invoiceNumber', '');
  }
  const context = ` for invoice ${invoiceNumber}`;
  const customerNumber = readText(invoice.customerNumber);
  const email = firstText(invoice, EMAIL_FIELDS);
  if (email === undefined && customerNumber === undefined) {
    // Without either there is no way to the customer's address.
    throw missingCustomerNumber(invoiceNumber);
  }
  const amount = readAmount(invoice.amountOpen) ?? readAmount(invoice.amountGross);
  if (amount === undefined) {
    throw new MissingFieldError(EVENT, 'payload.invoice.amountOpen or amountGross', context);
  }
  const dueDate = readText(invoice.dueDate);
  if (dueDate === undefined) throw new MissingFieldError(EVENT, 'payload.invoice.dueDate', context);
  const contractNumber = readText(invoice.contractNumber);
  const invoiceDate = readText(invoice.invoiceDate);
  const currency = readText(invoice.currency);
  return {
    invoiceNumber,
    customerNumber,
    email,
    amount,
    dueDate,
    level: mahnungLevel(payload.dunningLevel),
    ...(contractNumber === undefined ? {} : { contractNumber }),
    ...(invoiceDate === undefined ? {} : { invoiceDate }),
    ...(currency === undefined ? {} : { currency }),
  };
}
